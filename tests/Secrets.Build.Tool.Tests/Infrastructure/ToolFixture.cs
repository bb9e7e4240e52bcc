using System.Diagnostics;
using System.Globalization;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>
/// Packs Secrets.Build.Tool once per test run into a private feed with a unique prerelease version
/// (NuGet never re-extracts a version it holds, so a fixed one could test a stale tool) and
/// installs it with 'dotnet tool install --tool-path', as a person would.
/// </summary>
public sealed class ToolFixture : IDisposable
{
    public ToolFixture()
    {
        Root = Directory.CreateTempSubdirectory("secrets-build-tool-").FullName;
        var feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        var tools = Path.Combine(Root, "tools");
        Version = "0.1.0-tool." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId;

        Dotnet(RepositoryPaths.Root, "pack", Path.Combine(RepositoryPaths.Root, "src", "Secrets.Build.Tool", "Secrets.Build.Tool.csproj"),
            "-c", "Debug", "-o", feed, "-p:PackageVersion=" + Version, "-v:m");

        // Only the private feed: the tool has no NuGet dependencies to fetch.
        var config = Path.Combine(Root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Dotnet(Root, "tool", "install", "Secrets.Build.Tool", "--tool-path", tools, "--version", Version, "--configfile", config);
        ExecutablePath = Path.Combine(tools, OperatingSystem.IsWindows() ? "secrets-build.exe" : "secrets-build");
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"dotnet tool install succeeded but {ExecutablePath} is missing.");
        }
    }

    /// <summary>A temp folder holding the feed, the installed tool and every test's workspace.</summary>
    public string Root { get; }

    public string Version { get; }

    /// <summary>The installed command, secrets-build.</summary>
    public string ExecutablePath { get; }

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

    private static void Dotnet(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The MSBuild variables 'dotnet test' sets for its own build would pin this one to the wrong paths.
        foreach (var name in start.Environment.Keys.Where(n => n.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || n.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }
}

/// <summary>Every test shares one packed and installed tool; they run one at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class ToolCollection : ICollectionFixture<ToolFixture>
{
    public const string Name = "secrets-build tool";
}
