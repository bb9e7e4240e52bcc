using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Core.Tests.Provisioning;

/// <summary>SecretsManager.Provision end to end on real files, with the reference stack's schema.</summary>
public sealed class ProvisionTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private ProvisionOptions Options(string environment = "development", Dictionary<string, string>? variables = null, bool generate = true) => new()
    {
        SchemaPath = _workspace.SchemaPath,
        Environment = environment,
        KeyDirectory = _workspace.KeyDirectory,
        EnvironmentVariables = variables ?? new Dictionary<string, string>(),
        Generate = generate,
    };

    private ProvisionResult Provision(ProvisionOptions options) => new SecretsManager().Provision(options);

    private Dictionary<string, string> EnvValues(string environment = "development") =>
        EnvFileParser.Parse(File.ReadAllText(_workspace.Path_(".env." + environment)), null).Entries.ToDictionary(e => e.Name, e => e.Value);

    [Fact]
    public void First_run_generates_every_secret_and_writes_private_files()
    {
        var result = Provision(Options());

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(18, result.Generated.Length);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.ExternalMissing));
        var values = EnvValues();
        Assert.Equal(21, values.Count);
        Assert.StartsWith("sk-", values["LITELLM_MASTER_KEY"]);
        Assert.Equal(string.Empty, values["OPENAI_API_KEY"]);
        foreach (var file in result.Outputs.Append(result.StorePath).Append(result.MetadataPath))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Secrets.Build.Core.IO.FileModes.Read(file));
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, Secrets.Build.Core.IO.FileModes.Read(_workspace.Path_("secrets")));
        Assert.Single(Directory.GetFiles(_workspace.KeyDirectory, "*.development.key"));
        Assert.Contains(".env.development", File.ReadAllText(_workspace.Path_(".gitignore")));
    }

    [Fact]
    public void Second_run_keeps_every_value_and_every_byte()
    {
        Provision(Options());
        var before = _workspace.Snapshot(includeAuditTrail: false);

        var result = Provision(Options());

        Assert.True(result.Succeeded);
        Assert.Empty(result.Generated);
        var after = _workspace.Snapshot(includeAuditTrail: false);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void External_values_are_captured_and_captured_again_when_they_change()
    {
        var first = Provision(Options(variables: new() { ["OPENAI_API_KEY"] = "sk-first" }));
        var unchanged = Provision(Options());
        var second = Provision(Options(variables: new() { ["OPENAI_API_KEY"] = "sk-second" }));

        Assert.Equal(["OPENAI_API_KEY"], first.Captured.ToArray());
        Assert.Empty(unchanged.Captured);
        Assert.Equal(["OPENAI_API_KEY"], second.Captured.ToArray());
        Assert.Equal("sk-second", EnvValues()["OPENAI_API_KEY"]);
    }

    [Fact]
    public void Every_external_secret_is_named_whether_or_not_this_run_captured_it()
    {
        var result = Provision(Options(variables: new() { ["OPENAI_API_KEY"] = "sk-first" }));

        Assert.Equal(["OPENAI_API_KEY"], result.Captured.ToArray());
        Assert.Equal(["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_API_KEY"], result.ExternalSecrets.ToArray());
    }

    [Fact]
    public void Environments_are_isolated()
    {
        Provision(Options("development"));
        Provision(Options("staging"));

        var development = EnvValues("development");
        var staging = EnvValues("staging");
        Assert.All(development.Where(v => v.Value.Length > 0), v => Assert.NotEqual(v.Value, staging[v.Key]));
        Assert.Equal(2, Directory.GetFiles(_workspace.KeyDirectory, "*.key").Length);
    }

    [Fact]
    public void A_store_without_its_key_is_an_error_that_changes_nothing()
    {
        Provision(Options());
        Directory.Delete(_workspace.KeyDirectory, recursive: true);
        var before = _workspace.Snapshot();

        var result = Provision(Options());

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.KeyNotFound, error.Code);
        Assert.Contains("SECRETS_BUILD_KEY_DEVELOPMENT", error.Fix);
        Assert.Equal(before.Keys.Order(), _workspace.Snapshot().Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [Fact]
    public void A_wrong_key_is_an_error_that_changes_nothing()
    {
        Provision(Options());
        var before = _workspace.Snapshot();
        var wrong = KeyText.Format(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

        var result = Provision(Options(variables: new() { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = wrong }));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.WrongKey, error.Code);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [Fact]
    public void A_tampered_store_is_an_error_that_regenerates_nothing()
    {
        Provision(Options());
        var storePath = _workspace.Path_("secrets/.env.development.json");
        var text = File.ReadAllText(storePath);
        var index = text.IndexOf("\"ciphertext\": \"", StringComparison.Ordinal) + 16;
        File.WriteAllText(storePath, text[..index] + (text[index] == 'A' ? 'B' : 'A') + text[(index + 1)..]);
        var before = _workspace.Snapshot();

        var result = Provision(Options());

        Assert.False(result.Succeeded);
        Assert.All(result.Diagnostics.Where(d => d.Severity == SecretsSeverity.Error), d => Assert.StartsWith("SECB2", d.Code));
        Assert.Empty(result.Generated);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [Fact]
    public void With_generation_off_and_no_store_nothing_is_created()
    {
        var result = Provision(Options(generate: false));

        Assert.Equal(DiagnosticCodes.NoStoreGenerationOff, Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
        Assert.False(Directory.Exists(_workspace.KeyDirectory));
        Assert.False(File.Exists(_workspace.Path_("secrets/.env.development.json")));
    }

    [Fact]
    public void A_build_server_with_the_key_decrypts_the_committed_store()
    {
        Provision(Options());
        var key = File.ReadAllText(Directory.GetFiles(_workspace.KeyDirectory, "*.key").Single()).Trim();
        var expected = EnvValues();
        File.Delete(_workspace.Path_(".env.development"));
        Directory.Delete(_workspace.KeyDirectory, recursive: true);

        var result = Provision(Options(variables: new() { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = key }, generate: false));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected, EnvValues());
    }

    [Fact]
    public void With_generation_off_a_newly_declared_secret_is_named_in_an_error()
    {
        Provision(Options());
        var schema = File.ReadAllText(_workspace.SchemaPath).Replace(
            "\"secrets\": {", "\"secrets\": {\n    \"NEW_TOKEN\": { \"category\": \"api_keys\", \"generate\": { \"kind\": \"hex\" } },");
        File.WriteAllText(_workspace.SchemaPath, schema);

        var result = Provision(Options(generate: false));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.MissingSecretGenerationOff, error.Code);
        Assert.Contains("NEW_TOKEN", error.Message);
        Assert.True(error.Location!.Line > 0);
    }

    [Fact]
    public void Production_requires_external_values()
    {
        var result = Provision(Options("production"));

        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == DiagnosticCodes.ExternalRequired && d.Severity == SecretsSeverity.Error));
        Assert.False(File.Exists(_workspace.Path_(".env.production")));
    }

    [Fact]
    public void An_undeclared_environment_is_refused()
    {
        var result = Provision(Options("qa"));

        Assert.Equal(DiagnosticCodes.UnknownEnvironment, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Every_run_leaves_a_verifiable_audit_trail_without_values()
    {
        Provision(Options(variables: new() { ["OPENAI_API_KEY"] = "sk-external-value-123" }));
        Provision(Options());
        var trailPath = _workspace.Path_("secrets/.env.development.audit.jsonl");

        var records = Secrets.Build.Core.Audit.AuditReader.Read(trailPath).ToList();

        Assert.Equal(18, records.Count(r => r.Event.Kind == Secrets.Build.Core.Audit.AuditEventKind.Generated));
        Assert.Single(records, r => r.Event.Kind == Secrets.Build.Core.Audit.AuditEventKind.Imported && r.Event.SecretName == "OPENAI_API_KEY");
        Assert.Single(records, r => r.Event.Kind == Secrets.Build.Core.Audit.AuditEventKind.Accessed);
        Assert.Equal(2, records.Count(r => r.Event.Kind == Secrets.Build.Core.Audit.AuditEventKind.Exported));
        var trail = File.ReadAllText(trailPath);
        Assert.All(EnvValues().Values.Where(v => v.Length > 0), value => Assert.DoesNotContain(value, trail));
        Assert.Contains("secrets/.env.development.audit.jsonl", File.ReadAllText(_workspace.Path_(".gitignore")));
    }

    [Fact]
    public void No_diagnostic_contains_a_value()
    {
        Provision(Options(variables: new() { ["OPENAI_API_KEY"] = "sk-external-value-123" }));
        var values = EnvValues().Values.Where(v => v.Length > 0).ToList();
        Directory.Delete(_workspace.KeyDirectory, recursive: true);

        ProvisionResult[] results =
        [
            Provision(Options()),
            Provision(Options(variables: new() { ["SECRETS_BUILD_KEY"] = KeyText.Format(new byte[32]) })),
        ];

        var text = string.Join("\n", results.SelectMany(r => r.Diagnostics).Select(d => d.ToString()));
        Assert.NotEmpty(text);
        Assert.All(values, value => Assert.DoesNotContain(value, text));
    }
}
