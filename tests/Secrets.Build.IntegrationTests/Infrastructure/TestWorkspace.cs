using System.Security;

namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway repository for one test: a NuGet.config that sees only the freshly packed feed
/// (plus nuget.org for the SDK's own packages), a private packages folder, the schema, projects,
/// and a key directory of its own outside the workspace.
/// </summary>
internal sealed class TestWorkspace : IDisposable
{
    private readonly PackageFixture _package;

    public TestWorkspace(PackageFixture package, string name)
    {
        _package = package;
        var root = Path.Combine(package.Root, "tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory = System.IO.Directory.CreateDirectory(Path.Combine(root, "repo")).FullName;
        KeyDirectory = Path.Combine(root, "keys");
        ConfigHome = System.IO.Directory.CreateDirectory(Path.Combine(root, "config")).FullName;
        File.WriteAllText(Path.Combine(Directory, "NuGet.config"), NuGetConfig());
        Environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = package.PackagesDirectory,
            ["SECRETS_BUILD_KEY_DIR"] = KeyDirectory,
            // Anything that falls back to the per-user config folder lands here, not in the real one.
            ["XDG_CONFIG_HOME"] = ConfigHome,
        };
    }

    /// <summary>The workspace: schema, projects, secrets/ and the plaintext outputs.</summary>
    public string Directory { get; }

    /// <summary>SECRETS_BUILD_KEY_DIR for this test's builds.</summary>
    public string KeyDirectory { get; }

    public string ConfigHome { get; }

    /// <summary>Extra environment for every build (on top of the scrubbed inherited one). Tests add to it.</summary>
    public Dictionary<string, string> Environment { get; }

    public string StorePath(string environment = "development") => Path.Combine(Directory, "secrets", $".env.{environment}.json");

    public string MetadataPath(string environment = "development") => Path.Combine(Directory, "secrets", $".env.{environment}.metadata");

    public string EnvFilePath(string environment = "development") => Path.Combine(Directory, $".env.{environment}");

    public string ComposeOverridePath(string environment = "development") => Path.Combine(Directory, $"docker-compose.{environment}.override.yml");

    public string KubernetesManifestPath(string environment = "development") => Path.Combine(Directory, $"k8s-secrets-{environment}.yaml");

    public void WriteSchema(string text = TestSchemas.Small) =>
        File.WriteAllText(Path.Combine(Directory, "secrets.schema.json"), text);

    /// <summary>Writes <c>name/name.csproj</c> referencing the packed Secrets.Build, plus one class to compile.</summary>
    public string AddProject(string name, string targetFrameworks = "net10.0", string extraProperties = "", string sdk = "Microsoft.NET.Sdk", string extraItems = "")
    {
        var projectDirectory = System.IO.Directory.CreateDirectory(Path.Combine(Directory, name)).FullName;
        var frameworkProperty = targetFrameworks.Contains(';') ? "TargetFrameworks" : "TargetFramework";
        var projectPath = Path.Combine(projectDirectory, name + ".csproj");
        File.WriteAllText(projectPath, $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <{frameworkProperty}>{targetFrameworks}</{frameworkProperty}>
                <Nullable>enable</Nullable>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Secrets.Build" Version="{_package.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(projectDirectory, "Marker.cs"), $"namespace {name.Replace('-', '_')};\n\npublic static class Marker {{ }}\n");
        return projectPath;
    }

    /// <summary>
    /// A new workspace holding a copy of this one (projects, obj/, secrets/, outputs) and of its
    /// keys, with every Unix mode kept, so a test can change a provisioned workspace without paying
    /// for another restore and provisioning build. The copy's builds use the copy's key folder.
    /// </summary>
    public TestWorkspace CloneAs(string name)
    {
        var clone = new TestWorkspace(_package, name);
        CopyTree(Directory, clone.Directory);
        if (System.IO.Directory.Exists(KeyDirectory))
        {
            CopyTree(KeyDirectory, clone.KeyDirectory);
        }

        return clone;
    }

    /// <summary>Runs <c>dotnet msbuild -t:&lt;targets&gt;</c> without restore, as a user runs a lifecycle target.</summary>
    public CommandResult RunTarget(string project, string targets, params string[] arguments) =>
        DotNet(["msbuild", project, "-t:" + targets, "-nodeReuse:false", "-v:m", .. arguments]);

    /// <summary>Runs a real <c>dotnet build</c> (restore included) of <paramref name="target"/> in this workspace.</summary>
    public CommandResult Build(string target, params string[] arguments) =>
        DotNet(["build", target, "-nodeReuse:false", .. arguments]);

    public CommandResult DotNet(params string[] arguments) =>
        DotNetCli.Run(Directory, Environment, arguments);

    /// <summary>Every file of the workspace (build folders aside) and of the key directory, by path, with its bytes.</summary>
    public IReadOnlyDictionary<string, byte[]> Snapshot()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var root in new[] { Directory, KeyDirectory }.Where(System.IO.Directory.Exists))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                var parts = relative.Split(Path.DirectorySeparatorChar);
                if (parts.Contains("obj") || parts.Contains("bin"))
                {
                    continue;
                }

                files[Path.Combine(Path.GetFileName(root), relative)] = File.ReadAllBytes(file);
            }
        }

        return files;
    }

    /// <summary>The <c>.env.&lt;env&gt;</c> file as name/value pairs (docker-compose syntax, quotes removed).</summary>
    public IReadOnlyDictionary<string, string> ReadEnvFile(string environment = "development") =>
        EnvFile.Parse(File.ReadAllText(EnvFilePath(environment)));

    public void Dispose()
    {
        // Kept on purpose: the fixture deletes the whole run folder at the end, and a failed
        // test's workspace is worth looking at until then.
    }

    private static void CopyTree(string source, string destination)
    {
        var root = System.IO.Directory.CreateDirectory(destination);
        CopyMode(source, root.FullName);
        foreach (var directory in System.IO.Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, directory));
            System.IO.Directory.CreateDirectory(target);
            CopyMode(directory, target);
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            File.Copy(file, target, overwrite: true);
            CopyMode(file, target);
            // Same timestamps as the original, so the copy's incremental checks see what the original's would.
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    private static void CopyMode(string source, string destination)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(source));
        }
    }

    private string NuGetConfig()
    {
        var machineCache = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var fallback = System.IO.Directory.Exists(machineCache)
            ? $"""<fallbackPackageFolders><clear /><add key="machine" value="{SecurityElement.Escape(machineCache)}" /></fallbackPackageFolders>"""
            : "<fallbackPackageFolders><clear /></fallbackPackageFolders>";
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{SecurityElement.Escape(_package.PackagesDirectory)}" /></config>
              <packageSources>
                <clear />
                <add key="secrets-build-under-test" value="{SecurityElement.Escape(_package.FeedDirectory)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              {fallback}
            </configuration>
            """;
    }
}
