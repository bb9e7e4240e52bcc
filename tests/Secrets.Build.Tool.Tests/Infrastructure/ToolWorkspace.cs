using System.Diagnostics;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>
/// A temp workspace (schema, secrets/, outputs) with its own key folder beside it, and the tool run
/// in it with an environment scrubbed of the machine's SECRETS_* and CI variables, NO_COLOR set
/// and stdout redirected (so output is plain text).
/// </summary>
public sealed class ToolWorkspace
{
    /// <summary>Three generated secrets in two categories, with services.</summary>
    public const string SmallSchema = """
        {
          "version": 1,
          "project": "tool-tests",
          "environments": ["development", "staging", "production"],
          "secrets": {
            "DB_PASSWORD": { "description": "Database password.", "category": "database_passwords", "generate": { "kind": "password", "length": 32 }, "services": ["db", "api"] },
            "API_TOKEN": { "description": "Service token.", "category": "api_keys", "generate": { "kind": "hex", "bytes": 32 }, "services": ["api"] },
            "JWT_SECRET_KEY": { "description": "JWT signing key.", "category": "jwt_secrets", "generate": { "kind": "base64", "bytes": 64 } }
          }
        }
        """;

    private static readonly string[] ToxicPrefixes = ["SECRETS_", "SECRET_", "MSBUILD", "VSTEST", "NO_COLOR"];
    private static readonly string[] ToxicNames = ["CI", "TF_BUILD", "GITHUB_ACTIONS"];

    private readonly ToolFixture _tool;

    public ToolWorkspace(ToolFixture tool, string? schema = SmallSchema, string? subfolder = null)
    {
        _tool = tool;
        Root = System.IO.Directory.CreateDirectory(Path.Combine(tool.Root, "ws-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        KeyDirectory = System.IO.Directory.CreateDirectory(Path.Combine(Root, "keys")).FullName;
        Directory = System.IO.Directory.CreateDirectory(subfolder is null ? Path.Combine(Root, "app") : Path.Combine(Root, "app", subfolder)).FullName;
        if (schema is not null)
        {
            File.WriteAllText(Path.Combine(Directory, "secrets.schema.json"), schema);
        }
    }

    /// <summary>The folder above the workspace (a solution folder in some tests) and the key folder.</summary>
    public string Root { get; }

    /// <summary>The workspace: the schema's folder.</summary>
    public string Directory { get; }

    public string KeyDirectory { get; }

    /// <summary>Extra variables for every run (e.g. a key), beyond the scrubbed environment.</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs secrets-build in the workspace and waits for it.</summary>
    public ToolResult Run(params string[] arguments) => RunIn(Directory, arguments);

    /// <summary>Runs secrets-build in <paramref name="workingDirectory"/> and waits for it.</summary>
    public ToolResult RunIn(string workingDirectory, params string[] arguments)
    {
        using var process = Start(workingDirectory, arguments);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        LeakLedger.RecordOutputs(Directory);
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result, "secrets-build " + string.Join(' ', arguments));
    }

    /// <summary>Starts secrets-build with redirected streams; the caller waits.</summary>
    public Process Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, arguments, newSession: false);

    /// <summary>
    /// Starts secrets-build in a session of its own, without a controlling terminal, as a service
    /// manager or a CI runner starts it, whether or not the tests run in a terminal. setsid(1) keeps
    /// the process id: the caller can signal the tool by it.
    /// </summary>
    public Process StartWithoutTerminal(string workingDirectory, params string[] arguments) => Start(workingDirectory, arguments, newSession: true);

    private Process Start(string workingDirectory, string[] arguments, bool newSession)
    {
        var start = new ProcessStartInfo(newSession ? "setsid" : _tool.ExecutablePath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (newSession)
        {
            // A test run started as a script's background job inherits SIGINT ignored, and a
            // child shell cannot trap a signal that was ignored when it started: reset it to
            // the default a terminal session or a CI runner gives.
            start.ArgumentList.Add("env");
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(_tool.ExecutablePath);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (ToxicNames.Contains(name, StringComparer.OrdinalIgnoreCase) || ToxicPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["SECRETS_BUILD_KEY_DIR"] = KeyDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in Variables)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>The values of the environment's <c>.env.&lt;env&gt;</c>, as the real provisioning wrote them.</summary>
    public IReadOnlyDictionary<string, string> EnvValues(string environment = "development") =>
        EnvFile.Parse(File.ReadAllText(Path.Combine(Directory, ".env." + environment)));

    /// <summary>
    /// Brings <paramref name="name"/>'s rotation due date forward to <paramref name="due"/> in the plaintext
    /// metadata (plaintext by design), as an import of a weak value would: due and overdue without a clock.
    /// </summary>
    public void SetNextRotation(string name, DateTimeOffset due, string environment = "development")
    {
        var metadata = Path.Combine(Directory, "secrets", $".env.{environment}.metadata");
        var text = File.ReadAllText(metadata);
        var start = text.IndexOf($"\"{name}\"", StringComparison.Ordinal);
        var end = text.IndexOf('}', start);
        var entry = System.Text.RegularExpressions.Regex.Replace(text[start..end], "\"nextRotation\": \"[^\"]+\"",
            $"\"nextRotation\": \"{due.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)}\"");
        File.WriteAllText(metadata, text[..start] + entry + text[end..]);
    }

    /// <summary>Provisions through the tool and fails the test if that fails.</summary>
    public IReadOnlyDictionary<string, string> Provision(string environment = "development")
    {
        var result = Run("provision", "--env", environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return EnvValues(environment);
    }
}
