using System.Diagnostics;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>
/// A throwaway git repository provisioned through the public API with a small schema: one password,
/// one JWT key and one external secret, three environments. Tests damage one thing and run the report.
/// </summary>
internal sealed class ComplianceWorkspace : IDisposable
{
    public const string ExternalValue = "pk_live_7hQ2xV9mZr4sLw8cN3bK";

    /// <summary>Staging's own payment key: one key shared by two environments is check 10's failure.</summary>
    public const string StagingExternalValue = "pk_test_Jd8rT3mQx6vLp2Wz9sHa";

    public const string Schema = """
        {
          "version": 1,
          "project": "compliance-test",
          "environments": ["development", "staging", "production"],
          "minimumEntropyBits": 128,
          "rotationPolicies": { "database_passwords": 90, "jwt_secrets": 30, "api_keys": 180 },
          "secrets": {
            "DB_PASSWORD": {
              "description": "Database password.",
              "category": "database_passwords",
              "generate": { "kind": "password", "length": 32 },
              "services": ["db", "api"]
            },
            "JWT_SECRET_KEY": {
              "description": "HMAC key that signs JWTs.",
              "category": "jwt_secrets",
              "generate": { "kind": "base64url", "bytes": 32 },
              "services": ["api"]
            },
            "PAYMENT_API_KEY": {
              "description": "Payment provider key, supplied by you.",
              "category": "api_keys",
              "external": true,
              "services": ["api"]
            }
          }
        }
        """;

    private readonly TempDirectory _root = new();

    public ComplianceWorkspace(bool git = true)
    {
        Directory.CreateDirectory(Workspace);
        File.WriteAllText(SchemaPath, Schema);
        if (git)
        {
            Git("init", "-q");
        }
    }

    /// <summary>When the workspace was provisioned; reports run at this time unless a test travels.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public string Root => _root.Path;

    public string Workspace => Path.Combine(Root, "ws");

    public string KeyDirectory => Path.Combine(Root, "keys");

    public string SchemaPath => Path.Combine(Workspace, "secrets.schema.json");

    public Dictionary<string, string> Variables { get; } = new() { ["PAYMENT_API_KEY"] = ExternalValue };

    public string In(string relative) => Path.Combine(Workspace, relative);

    public StorePaths Paths(string environment = "development") => StorePaths.ForWorkspace(Workspace, environment);

    public void Provision(string environment = "development", DateTimeOffset? at = null, Dictionary<string, string>? variables = null)
    {
        var result = new SecretsManager().Provision(new ProvisionOptions
        {
            SchemaPath = SchemaPath,
            Environment = environment,
            KeyDirectory = KeyDirectory,
            EnvironmentVariables = variables ?? Variables,
            Clock = new FixedClock(at ?? Start),
        });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    /// <summary>Provisions development and staging and commits what a team commits.</summary>
    public void ProvisionCleanAndCommit()
    {
        Provision("development");
        Provision("staging", variables: new() { ["PAYMENT_API_KEY"] = StagingExternalValue });
        Commit();
    }

    public void Commit()
    {
        Git("add", "-A");
        Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "workspace");
    }

    public ReportResult Report(string environment = "development", DateTimeOffset? at = null, int? minimumScore = null, Dictionary<string, string>? variables = null) =>
        new SecretsManager().GenerateComplianceReport(new ReportOptions
        {
            SchemaPath = SchemaPath,
            Environment = environment,
            KeyDirectory = KeyDirectory,
            EnvironmentVariables = variables ?? Variables,
            Clock = new FixedClock(at ?? Start.AddDays(1)),
            MinimumScore = minimumScore,
        });

    /// <summary>Every plaintext value of the environment, read from its .env file.</summary>
    public IReadOnlyList<string> Values(string environment = "development") =>
        [.. EnvFileParser.Parse(File.ReadAllText(In(OutputPaths.EnvFile(environment))), null).Entries
            .Select(e => e.Value).Where(v => v.Length > 0)];

    /// <summary>The environment's opened store, for tests that change values behind the build's back.</summary>
    public SecretStore OpenStore(string environment)
    {
        var paths = Paths(environment);
        var header = SecretStore.ReadHeader(paths);
        var key = new KeyLocator(environment, header.StoreId, Variables, KeyDirectory, Workspace).Resolve().Key!;
        return SecretStore.Open(paths, key);
    }

    public string KeyFile(string environment = "development") =>
        Directory.GetFiles(KeyDirectory, $"*.{environment}.key").Single();

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Workspace, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output;
    }

    public void Dispose() => _root.Dispose();

    public sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
