using System.Security.Cryptography;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Maintenance;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// Runs provisioning through its good and bad days (first run, second run, several environments,
/// a wrong key, a tampered store, a regeneration, broken .env lines), collects every value and
/// key those runs produced, and scans every diagnostic, exception message, public ToString(),
/// audit line and committed file for them. Only the plaintext outputs may hold a value.
/// </summary>
[Trait("Category", "Leaks")]
public sealed class SecretLeakScanTests : IDisposable
{
    private readonly HardeningWorkspace _workspace = new();
    private readonly Dictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly List<(string Source, string Text)> _texts = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void No_generated_value_or_key_appears_in_any_diagnostic_message_ToString_or_audit_line()
    {
        var externals = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "sk-leakscan-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            ["ANTHROPIC_API_KEY"] = "sk-ant-leakscan-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            ["GOOGLE_API_KEY"] = "AIza-leakscan-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
        };
        var manager = new SecretsManager();
        foreach (var environment in new[] { "development", "staging", "production" })
        {
            Record(environment + " first run", manager.Provision(_workspace.Options(environment, externals)));
            Record(environment + " second run", manager.Provision(_workspace.Options(environment, externals)));
            CollectValues(environment);
        }

        // A run without the externals production requires, and one with a wrong key.
        Record("production without externals", manager.Provision(_workspace.Options("production")));
        var wrongKey = KeyText.Format(RandomNumberGenerator.GetBytes(32));
        _secrets["a wrong key"] = wrongKey;
        Record("wrong key", manager.Provision(_workspace.Options("development", new() { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = wrongKey })));

        // Direct API misuse and tampering.
        using (var store = Open("development"))
        {
            _texts.Add(("SecretStore.ToString", store.ToString()));
            _texts.AddRange(store.Names.Select(n => ($"metadata of {n}", store.GetMetadata(n).ToString())));
            Capture("Reveal of a missing name", () => store.Reveal("NOT_THERE"));
            Capture("RevealVersion of a missing version", () => store.RevealVersion("POSTGRES_PASSWORD", 99));
            Capture("Set with a bad name", () => store.Set("1 bad", _secrets.First().Value, SecretSource.External, DateTimeOffset.UtcNow, null));
        }

        var storePath = _workspace.PathOf("secrets/.env.staging.json");
        var original = File.ReadAllBytes(storePath);
        var tampered = (byte[])original.Clone();
        tampered[original.Length / 2] ^= 0x01;
        File.WriteAllBytes(storePath, tampered);
        Record("tampered store", manager.Provision(_workspace.Options("staging", externals)));
        File.WriteAllBytes(storePath, original);

        // A hand-edited .env whose broken lines hold values: the parser names lines, never values.
        var broken = string.Join("\n", _secrets.Take(6).Select((s, i) => i % 2 == 0 ? $"BAD NAME={s.Value}" : $"QUOTED=\"{s.Value}"));
        var parsed = EnvFileParser.Parse(broken, "broken.env");
        Assert.NotEmpty(parsed.Diagnostics);
        RecordDiagnostics("broken .env", parsed.Diagnostics);
        _texts.Add(("EnvFileParseResult.ToString", parsed.ToString()));
        _texts.AddRange(EnvFileParser.Parse($"GOOD={_secrets.First().Value}\n", null).Entries.Select(e => ("EnvFileEntry.ToString", e.ToString())));

        // Maintenance: a refused and a confirmed regeneration, and a permission report.
        var refused = manager.Regenerate(new RegenerateOptions { Provision = _workspace.Options("development", externals) });
        RecordDiagnostics("refused regeneration", refused.Diagnostics);
        var regenerated = manager.Regenerate(new RegenerateOptions { Provision = _workspace.Options("development", externals), Confirm = "development" });
        Assert.True(regenerated.Succeeded, string.Join("\n", regenerated.Diagnostics));
        RecordDiagnostics("regeneration", regenerated.Diagnostics);
        _texts.Add(("RegenerateResult.ToString", regenerated.ToString()));
        CollectValues("development");
        var permissions = manager.CheckPermissions(_workspace.PermissionOptions());
        RecordDiagnostics("permission check", permissions.Diagnostics);

        // Keys: every key file's text is a secret too, and the key types' ToString must not show it.
        foreach (var keyFile in Directory.GetFiles(_workspace.KeyDirectory, "*.key"))
        {
            var text = File.ReadAllText(keyFile).Trim();
            _secrets[$"key file {Path.GetFileName(keyFile)}"] = text;
            Assert.True(KeyText.TryParse(text, out var key));
            _texts.Add(("RawKey.ToString", new RawKey(key, keyFile).ToString()));
        }

        _texts.Add(("PassphraseKey.ToString", new PassphraseKey(_secrets.First().Value, "test").ToString()));

        // Every committed or local non-output file: stores, metadata, audit trails (backups too), .gitignore, compose overrides.
        foreach (var file in Directory.EnumerateFiles(_workspace.Workspace, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (System.Text.RegularExpressions.Regex.IsMatch(name, @"^\.env\.[a-z0-9_-]+$") || name.StartsWith("k8s-secrets-", StringComparison.Ordinal))
            {
                continue; // the plaintext outputs (and their copies in secrets/backup/) are where values belong
            }

            _texts.Add((Path.GetRelativePath(_workspace.Workspace, file), File.ReadAllText(file)));
        }

        foreach (var environment in new[] { "development", "staging", "production" })
        {
            _texts.AddRange(AuditReader.Read(AuditTrail.PathFor(_workspace.SecretsDirectory, environment)).Select(r => ($"audit record {r.Sequence}", r.ToString())));
        }

        Assert.True(_secrets.Count > 60, $"only {_secrets.Count} values collected");
        var leaks = (from secret in _secrets
                     where secret.Value.Length >= 8
                     from text in _texts
                     where text.Text.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.Key} in {text.Source}").ToList();
        Assert.True(leaks.Count == 0, "values found where they must never be: " + string.Join("; ", leaks));
    }

    private void CollectValues(string environment)
    {
        using var store = Open(environment);
        foreach (var name in store.Names)
        {
            _secrets[$"{environment} {name} v{store.GetMetadata(name).Version}"] = store.Reveal(name);
        }
    }

    private SecretStore Open(string environment)
    {
        var paths = StorePaths.ForWorkspace(_workspace.Workspace, environment);
        var header = SecretStore.ReadHeader(paths);
        var key = new KeyLocator(environment, header.StoreId, new Dictionary<string, string>(), _workspace.KeyDirectory, _workspace.Workspace).Resolve().Key!;
        return SecretStore.Open(paths, key);
    }

    private void Record(string source, ProvisionResult result)
    {
        RecordDiagnostics(source, result.Diagnostics);
        _texts.Add((source + " result", result.ToString()));
    }

    private void RecordDiagnostics(string source, IEnumerable<SecretsDiagnostic> diagnostics) =>
        _texts.AddRange(diagnostics.Select(d => (source + " diagnostic", d.ToString())));

    private void Capture(string source, Action action)
    {
        var exception = Xunit.Record.Exception(action);
        Assert.NotNull(exception);
        _texts.Add((source + " exception", exception.ToString()));
    }
}
