using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Tests.Lifecycle;

namespace Secrets.Build.Core.Tests.Rotation;

/// <summary>SecretsManager.RotateSecrets on real stores made by a real provisioning run.</summary>
public sealed class RotateSecretsTests : IDisposable
{
    private static readonly string[] JwtSecrets = ["JWT_SECRET_KEY", "SESSION_SECRET"];
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Rotating_one_category_leaves_every_other_value_and_ciphertext_byte_identical()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var storedBefore = _kit.StoredEntries();
        var metadataBefore = _kit.MetadataEntries();
        var valuesBefore = _kit.EnvValues();
        _kit.Clock.Advance(TimeSpan.FromDays(1));

        var result = _kit.Rotate("jwt_secrets");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(JwtSecrets, result.Rotated.Select(r => r.Name));
        Assert.All(result.Rotated, r => Assert.Equal(2, r.Version));
        var storedAfter = _kit.StoredEntries();
        var metadataAfter = _kit.MetadataEntries();
        var valuesAfter = _kit.EnvValues();
        foreach (var name in storedBefore.Keys.Except(JwtSecrets))
        {
            Assert.Equal(storedBefore[name], storedAfter[name]);
            Assert.Equal(metadataBefore[name], metadataAfter[name]);
            Assert.Equal(valuesBefore[name], valuesAfter[name]);
        }

        foreach (var name in JwtSecrets)
        {
            Assert.NotEqual(valuesBefore[name], valuesAfter[name]);
            Assert.Equal(valuesBefore[name].Length, valuesAfter[name].Length);
            Assert.NotEqual(storedBefore[name], storedAfter[name]);
        }
    }

    [Fact]
    public void Progress_counts_every_selected_secret_skipped_ones_too_up_to_the_total()
    {
        _kit.Provision();
        var progress = new RecordingProgress();

        var result = _kit.Manager.RotateSecrets(new RotateOptions
        {
            SchemaPath = _kit.Workspace.SchemaPath,
            Environment = _kit.Environment,
            KeyDirectory = _kit.Workspace.KeyDirectory,
            EnvironmentVariables = _kit.Variables,
            Clock = _kit.TimeSource,
            Selectors = ["all"],
            Progress = progress,
        });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Skipped);
        Assert.Equal(RecordingProgress.UpTo(result.Rotated.Length + result.Skipped.Length), progress.Reports);
    }

    [Fact]
    public void The_previous_value_stays_readable_with_its_retirement_time()
    {
        _kit.Provision();
        var old = _kit.EnvValues()["JWT_SECRET_KEY"];
        _kit.Clock.Advance(TimeSpan.FromDays(2));

        _kit.Rotate("JWT_SECRET_KEY");
        var previous = _kit.Previous("JWT_SECRET_KEY");

        var value = Assert.Single(previous.Values);
        Assert.Equal(old, value.Value);
        Assert.Equal(1, value.Version);
        Assert.Equal(_kit.Clock.Now, value.RetiredAt);
        Assert.True(value.InGracePeriod);
        Assert.DoesNotContain(old, value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_env_file_carries_the_previous_value_only_during_the_grace_period()
    {
        _kit.Provision();
        var old = _kit.EnvValues()["JWT_SECRET_KEY"];
        var previousName = PreviousValues.VariableName("JWT_SECRET_KEY");

        _kit.Rotate("JWT_SECRET_KEY");
        Assert.Equal(old, _kit.EnvValues()[previousName]);

        _kit.Clock.Advance(TimeSpan.FromDays(6));
        _kit.Provision();
        Assert.Equal(old, _kit.EnvValues()[previousName]);

        _kit.Clock.Advance(TimeSpan.FromDays(1));
        _kit.Provision();
        Assert.False(_kit.EnvValues().ContainsKey(previousName));
        Assert.False(_kit.EnvValues().ContainsKey(PreviousValues.VariableName("SESSION_SECRET")));
        var kept = Assert.Single((_kit.Previous("JWT_SECRET_KEY")).Values);
        Assert.False(kept.InGracePeriod);
        Assert.Equal(old, kept.Value);
    }

    [Fact]
    public void Only_the_newest_retired_versions_are_kept()
    {
        _kit.Provision();
        var values = new List<string> { _kit.EnvValues()["ENCRYPTION_KEY"] };
        for (var i = 0; i < 5; i++)
        {
            _kit.Clock.Advance(TimeSpan.FromHours(1));
            _kit.Rotate("ENCRYPTION_KEY");
            values.Add(_kit.EnvValues()["ENCRYPTION_KEY"]);
        }

        var previous = (_kit.Previous("ENCRYPTION_KEY")).Values;

        Assert.Equal([3, 4, 5], previous.Select(p => p.Version));
        Assert.Equal(values.Skip(2).Take(3), previous.Select(p => p.Value));
        Assert.Equal(5, values.Distinct().Count() - 1);
        using var store = JsonDocument.Parse(File.ReadAllBytes(_kit.StorePath));
        Assert.Equal(6, store.RootElement.GetProperty("secrets").GetProperty("ENCRYPTION_KEY").GetProperty("version").GetInt32());
    }

    [Fact]
    public void An_external_secret_is_never_invented()
    {
        _kit.Variables["OPENAI_API_KEY"] = "sk-from-the-provider-0001";
        _kit.Provision();
        var before = _kit.StoredEntries()["OPENAI_API_KEY"];

        var result = _kit.Rotate("OPENAI_API_KEY");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Rotated);
        Assert.Equal(["OPENAI_API_KEY"], result.Skipped.ToArray());
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.RotationExternal);
        Assert.Contains("environment variable OPENAI_API_KEY", warning.Fix);
        Assert.Equal(before, _kit.StoredEntries()["OPENAI_API_KEY"]);
    }

    [Fact]
    public void An_unknown_selector_changes_nothing()
    {
        _kit.Provision();
        var before = _kit.Workspace.Snapshot();

        var result = _kit.Rotate("jwt_secrets", "jwt_secret");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RotationUnknownSelector, error.Code);
        Assert.Contains("'jwt_secret'", error.Message);
        var after = _kit.Workspace.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [Fact]
    public void An_empty_selection_and_a_missing_store_are_errors()
    {
        var missing = _kit.Rotate("all");
        Assert.Equal(DiagnosticCodes.LifecycleStoreMissing, Assert.Single(missing.Diagnostics).Code);

        _kit.Provision();
        var empty = _kit.Rotate(" ", "");
        Assert.Equal(DiagnosticCodes.RotationNothingSelected, Assert.Single(empty.Diagnostics).Code);
    }

    [Fact]
    public void Rotate_all_renews_every_generated_secret_and_audits_each()
    {
        _kit.Provision();
        var before = _kit.EnvValues();

        var result = _kit.Rotate("ALL");

        Assert.True(result.Succeeded);
        Assert.Equal(18, result.Rotated.Length);
        Assert.Equal(3, result.Skipped.Length);
        var after = _kit.EnvValues();
        Assert.All(result.Rotated, r => Assert.NotEqual(before[r.Name], after[r.Name]));
        var rotatedLines = File.ReadAllLines(_kit.AuditPath).Where(l => l.Contains("\"event\":\"rotated\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, rotatedLines.Count);
        Assert.Contains(rotatedLines, l => l.Contains("\"secret\":\"JWT_SECRET_KEY\"", StringComparison.Ordinal) && l.Contains("\"version\":2", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_but_the_previous_values_result_ever_contains_a_value()
    {
        _kit.Provision();
        var old = _kit.EnvValues().Values.ToList();
        var result = _kit.Rotate("all");
        var all = old.Concat(_kit.EnvValues().Values).ToList();

        LifecycleKit.AssertContainsNone(JsonSerializer.Serialize(result), all, "the rotate result");
        LifecycleKit.AssertContainsNone(string.Join("\n", result.Diagnostics), all, "the diagnostics");
        LifecycleKit.AssertContainsNone(File.ReadAllText(_kit.AuditPath), all, "the audit trail");
        LifecycleKit.AssertContainsNone(File.ReadAllText(_kit.Workspace.Path_("secrets/.env.development.metadata")), all, "the metadata");
        LifecycleKit.AssertContainsNone(File.ReadAllText(_kit.StorePath), all, "the store");
        LifecycleKit.AssertContainsNone((_kit.Previous()).ToString(), all, "the previous values' ToString");
    }
}
