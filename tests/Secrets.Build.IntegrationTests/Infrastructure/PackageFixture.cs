using System.Globalization;

namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>
/// Packs Secrets.Build once per test run into a private feed, with a unique prerelease version:
/// NuGet never re-extracts a version it already holds, so a fixed version would silently test a
/// stale package. Every test project restores from this feed into a private packages folder.
/// The library package Secrets.Build.Core joins the feed, with the same version, the first time
/// a test asks for it: only the tests that reference it pay for its pack.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly Lazy<string> _corePackagePath;

    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("secrets-build-it-").FullName;
        FeedDirectory = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        PackagesDirectory = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        Version = "0.1.0-it." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

        var pack = DotNetCli.Run(
            RepositoryPaths.Root,
            new Dictionary<string, string>(),
            "pack", RepositoryPaths.PackagingProject, "-c", "Debug", "-o", FeedDirectory, "-p:PackageVersion=" + Version, "-v:m");
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException("Packing Secrets.Build failed:\n" + pack);
        }

        PackagePath = Path.Combine(FeedDirectory, $"Secrets.Build.{Version}.nupkg");
        if (!File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"dotnet pack succeeded but {PackagePath} is missing:\n{pack}");
        }

        _corePackagePath = new Lazy<string>(PackCore);
    }

    /// <summary>A temp folder holding the feed, the packages folder and every test's projects.</summary>
    public string Root { get; }

    public string FeedDirectory { get; }

    /// <summary>The private global packages folder: nothing from the machine's cache is used for Secrets.Build.</summary>
    public string PackagesDirectory { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>Secrets.Build.Core's nupkg in the feed, packed on first use.</summary>
    public string CorePackagePath => _corePackagePath.Value;

    private string PackCore()
    {
        var pack = DotNetCli.Run(
            RepositoryPaths.Root,
            new Dictionary<string, string>(),
            "pack", RepositoryPaths.CoreProject, "-c", "Debug", "-o", FeedDirectory, "-p:PackageVersion=" + Version, "-v:m");
        var path = Path.Combine(FeedDirectory, $"Secrets.Build.Core.{Version}.nupkg");
        if (!pack.Succeeded || !File.Exists(path))
        {
            throw new InvalidOperationException($"Packing Secrets.Build.Core into {path} failed:\n{pack}");
        }

        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it would not be.
        }
    }
}

/// <summary>Every test that builds shares one pack and runs one at a time (2 cores; real builds).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Secrets.Build package";
}
