using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>The nupkg holds exactly what a consuming build needs, where NuGet and MSBuild look for it.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    private static readonly string[] SupportedRuntimes =
        ["win-x64", "win-arm64", "linux-x64", "linux-arm64", "linux-musl-x64", "linux-musl-arm64", "osx-x64", "osx-arm64"];

    [Fact]
    public void Package_holds_build_files_tasks_with_their_dependencies_and_the_generator()
    {
        var entries = Entries();

        Assert.Contains("build/Secrets.Build.props", entries);
        Assert.Contains("build/Secrets.Build.targets", entries);
        Assert.Contains("build/Secrets.Build.Tasks.targets", entries);
        Assert.Contains("build/Secrets.Build.Lifecycle.proj", entries);
        Assert.Contains("buildMultiTargeting/Secrets.Build.props", entries);
        Assert.Contains("buildMultiTargeting/Secrets.Build.targets", entries);
        Assert.Contains("tasks/net9.0/Secrets.Build.Tasks.dll", entries);
        Assert.Contains("tasks/net9.0/Secrets.Build.Tasks.deps.json", entries);
        Assert.Contains("tasks/net9.0/Secrets.Build.Core.dll", entries);
        Assert.Contains("tasks/net9.0/NSec.Cryptography.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Secrets.Build.Generator.dll", entries);
    }

    /// <summary>
    /// Every managed task assembly carries ReadyToRun code for linux-x64 (see
    /// src/Secrets.Build/ReadyToRun: build servers run linux-x64, and a fresh build process would
    /// otherwise JIT-compile Core first). Everywhere else the runtime ignores that code and runs the
    /// IL, so each one must still be a complete IL assembly with the version the deps.json names.
    /// </summary>
    [Theory]
    [InlineData("Secrets.Build.Tasks.dll")]
    [InlineData("Secrets.Build.Core.dll")]
    [InlineData("NSec.Cryptography.dll")]
    public void Task_assemblies_hold_linux_x64_ReadyToRun_code_next_to_their_IL(string assembly)
    {
        using var pe = new PEReader(new MemoryStream(EntryBytes("tasks/net9.0/" + assembly)));
        var corHeader = pe.PEHeaders.CorHeader!;

        // A ReadyToRun image records the OS it was compiled for by XOR-ing the machine type.
        Assert.Equal(LinuxX64ReadyToRunMachine, pe.PEHeaders.CoffHeader.Machine);
        Assert.NotEqual(0, corHeader.ManagedNativeHeaderDirectory.Size);
        Assert.True(pe.HasMetadata);
        Assert.Equal(CorFlags.ILLibrary, corHeader.Flags & CorFlags.ILLibrary);
    }

    [Fact]
    public void Package_ships_no_managed_assembly_without_ReadyToRun_code()
    {
        // runtimes/<rid>/native/ holds libsodium, which is native code already (libsodium.dll on Windows).
        var managed = Entries()
            .Where(entry => entry.StartsWith("tasks/", StringComparison.Ordinal) && entry.EndsWith(".dll", StringComparison.Ordinal))
            .Where(entry => !entry.Contains("/runtimes/", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(managed);
        Assert.All(managed, entry =>
        {
            using var pe = new PEReader(new MemoryStream(EntryBytes(entry)));
            Assert.Equal(LinuxX64ReadyToRunMachine, pe.PEHeaders.CoffHeader.Machine);
        });
    }

    [Fact]
    public void Package_has_no_lib_folder_and_does_not_ship_MSBuild_itself()
    {
        var entries = Entries();

        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => Path.GetFileName(entry).StartsWith("Microsoft.Build", StringComparison.Ordinal));
    }

    [Fact]
    public void Package_carries_libsodium_for_exactly_the_supported_platforms()
    {
        var runtimes = Entries()
            .Where(entry => entry.StartsWith("tasks/net9.0/runtimes/", StringComparison.Ordinal))
            .Select(entry => entry.Split('/')[3])
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(SupportedRuntimes.Order(StringComparer.Ordinal), runtimes);
        foreach (var runtime in SupportedRuntimes)
        {
            Assert.Contains(Entries(), entry => entry.StartsWith($"tasks/net9.0/runtimes/{runtime}/native/libsodium.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Task_deps_json_lists_the_native_library_the_package_carries()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.GetEntry("tasks/net9.0/Secrets.Build.Tasks.deps.json")!.Open();
        var deps = JsonDocument.Parse(stream).RootElement.GetRawText();

        // MSBuild finds libsodium only through this file: it must name the path the package uses.
        Assert.Contains("runtimes/linux-x64/native/libsodium.so", deps, StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_marks_a_development_dependency_without_dependencies()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.GetEntry("Secrets.Build.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("Secrets.Build", metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Null(metadata.Element(ns + "dependencies"));
    }

    // IMAGE_FILE_MACHINE_AMD64 (0x8664) XOR the Linux marker (0x7B79), as crossgen2 writes it.
    private const Machine LinuxX64ReadyToRunMachine = (Machine)(0x8664 ^ 0x7B79);

    private byte[] EntryBytes(string path)
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        using var stream = archive.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string[] Entries()
    {
        using var archive = ZipFile.OpenRead(package.PackagePath);
        return archive.Entries.Select(entry => entry.FullName).ToArray();
    }
}
