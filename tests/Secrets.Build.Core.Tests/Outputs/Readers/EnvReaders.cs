using System.Text;
using System.Text.Json;

namespace Secrets.Build.Core.Tests.Outputs.Readers;

/// <summary>
/// Reads a .env file with the real consumers: bash, node's dotenv, docker compose v2 and
/// docker-compose v1 (Debian 12's package, which the seed's own commands use).
/// Each returns the value of every requested name, or null for a name the reader did not set.
/// </summary>
internal static class EnvReaders
{
    /// <summary>The dotenv release the tests pin (npm), so a new major cannot change results silently.</summary>
    public const string DotenvVersion = "18.0.10";

    private static readonly Lazy<string> DotenvModules = new(InstallDotenv);

    public static IReadOnlyDictionary<string, string?> Bash(string envFile, IReadOnlyList<string> names)
    {
        // "=" before a value marks the variable as set, so unset and empty stay apart.
        const string script = "set -e; set -a; . \"$1\"; shift; for n in \"$@\"; do printf '%s%s\\0' \"${!n+=}\" \"${!n}\"; done";
        var result = ExternalProcess.Run("env",
            ["-i", "PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", "bash", "--noprofile", "--norc", "-c", script, "bash", envFile, .. names]);
        Assert.True(result.ExitCode == 0, $"bash could not source the file: {result.StandardError}");
        var fields = result.StandardOutput.Split('\0');
        return names.Select((n, i) => (n, fields[i])).ToDictionary(
            p => p.n, p => p.Item2.StartsWith('=') ? p.Item2[1..] : null);
    }

    public static IReadOnlyDictionary<string, string?> Dotenv(string envFile, IReadOnlyList<string> names)
    {
        const string script = "const fs = require('fs'); const dotenv = require('dotenv');"
            + "process.stdout.write(JSON.stringify(dotenv.parse(fs.readFileSync(process.argv[1]))));";
        var result = ExternalProcess.Run("node", ["-e", script, envFile],
            environment: new Dictionary<string, string> { ["NODE_PATH"] = DotenvModules.Value });
        Assert.True(result.ExitCode == 0, $"node could not parse the file: {result.StandardError}");
        var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(result.StandardOutput)!;
        return names.ToDictionary(n => n, n => parsed.TryGetValue(n, out var v) ? v : null);
    }

    public static IReadOnlyDictionary<string, string?> Compose(string envFile, IReadOnlyList<string> names) =>
        ComposeRead(envFile, names, Tools.Compose);

    public static IReadOnlyDictionary<string, string?> ComposeV1(string envFile, IReadOnlyList<string> names) =>
        ComposeRead(envFile, names, Tools.ComposeV1);

    private static IReadOnlyDictionary<string, string?> ComposeRead(string envFile, IReadOnlyList<string> names, string compose)
    {
        using var temp = new TempDirectory();
        var folder = temp.Path;
        var file = new StringBuilder("services:\n  probe:\n    image: busybox\n    environment:\n");
        foreach (var name in names)
        {
            file.Append("      ").Append(name).Append(": ${").Append(name).Append("}\n");
        }

        var composeFile = Path.Combine(folder, "docker-compose.yml");
        File.WriteAllText(composeFile, file.ToString());
        using var result = ComposeConfig(compose, folder, envFile, composeFile);
        var environment = result.RootElement.GetProperty("services").GetProperty("probe").GetProperty("environment");
        return names.ToDictionary(n => n, n => environment.TryGetProperty(n, out var v) ? Unescape(v.GetString()) : null);
    }

    /// <summary>
    /// <c>config</c> of the given files with compose v2 (<see cref="Tools.Compose"/>) or v1
    /// (<see cref="Tools.ComposeV1"/>), as JSON. No engine is needed for it. v1 has no
    /// <c>--format json</c>: its YAML is read with YamlDotNet and written as JSON.
    /// </summary>
    public static JsonDocument ComposeConfig(string compose, string workingDirectory, string envFile, params string[] composeFiles)
    {
        var command = compose == Tools.ComposeV1 ? Tools.ComposeV1Command.Value : Tools.ComposeCommand.Value;
        var (fileName, prefix) = command ?? throw new InvalidOperationException(compose + " is not installed.");
        var arguments = new List<string>(prefix) { "--project-name", "secrets-build-test", "--env-file", envFile };
        foreach (var file in composeFiles)
        {
            arguments.Add("-f");
            arguments.Add(file);
        }

        arguments.Add("config");
        if (compose != Tools.ComposeV1)
        {
            arguments.AddRange(["--format", "json"]);
        }

        var result = ExternalProcess.Run(fileName, arguments, workingDirectory);
        Assert.True(result.ExitCode == 0, $"{compose} config failed: {result.StandardError}");
        Assert.DoesNotContain("is not set", result.StandardError);
        if (compose != Tools.ComposeV1)
        {
            return JsonDocument.Parse(result.StandardOutput);
        }

        var yaml = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<object>(result.StandardOutput);
        return JsonDocument.Parse(new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build().Serialize(yaml));
    }

    /// <summary><c>config</c> prints '$' as '$$' so that its output reads back the same; undo that.</summary>
    public static string? Unescape(string? composeValue) => composeValue?.Replace("$$", "$", StringComparison.Ordinal);

    private static string InstallDotenv()
    {
        var target = Path.Combine(Path.GetTempPath(), "secrets-build-tests", $"dotenv-{DotenvVersion}");
        var modules = Path.Combine(target, "node_modules");
        if (File.Exists(Path.Combine(modules, "dotenv", "package.json")))
        {
            return modules;
        }

        // Install beside the target and rename, so parallel test runs never see half an install.
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = target + ".staging-" + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        var result = ExternalProcess.Run("npm",
            ["install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", staging, $"dotenv@{DotenvVersion}"],
            timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"npm install dotenv@{DotenvVersion} failed: {result.StandardError}");
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(modules))
        {
            Directory.Delete(staging, recursive: true);
        }

        return modules;
    }
}
