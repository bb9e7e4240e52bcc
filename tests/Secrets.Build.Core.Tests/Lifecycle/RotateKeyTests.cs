using System.Security.Cryptography;
using System.Text.Json;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.KeyRotation;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Lifecycle;

/// <summary>SecretsManager.RotateKey: new data key and environment key, old key refused, trail still verifiable.</summary>
public sealed class RotateKeyTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private StorePaths Paths => StorePaths.ForWorkspace(_kit.Workspace.Workspace, _kit.Environment);

    private RotateKeyResult RotateKey(Action<string>? afterStep = null, string? newPassphrase = null) => _kit.Manager.RotateKey(new RotateKeyOptions
    {
        SchemaPath = _kit.Workspace.SchemaPath,
        Environment = _kit.Environment,
        KeyDirectory = _kit.Workspace.KeyDirectory,
        EnvironmentVariables = _kit.Variables,
        Clock = _kit.Clock,
        AfterStep = afterStep,
        NewPassphrase = newPassphrase,
    });

    private string KeyFile => Assert.Single(Directory.GetFiles(_kit.Workspace.KeyDirectory, "*.development.key"));

    private RawKey ReadKey(string path)
    {
        Assert.True(KeyText.TryParse(File.ReadAllText(path), out var key));
        return new RawKey(key, path);
    }

    private void AssertRefused(KeyMaterial key)
    {
        var error = Assert.Throws<SecretsException>(() => SecretStore.Open(Paths, key).Dispose());
        Assert.Equal(DiagnosticCodes.WrongKey, error.Code);
    }

    private AuditVerification VerifyTrail(RawKey key)
    {
        using var store = SecretStore.Open(Paths, key);
        return Tests.Trust.LocalChain.Verify(store, _kit.Workspace.KeyDirectory);
    }

    /// <summary>What the data key's holders have: the chain keys of the current and every replaced data key, not this machine's.</summary>
    private AuditVerification VerifyWithDataKeysOnly(RawKey key)
    {
        using var store = SecretStore.Open(Paths, key);
        var chainKey = store.DeriveAuditChainKey();
        return new AuditTrail(_kit.AuditPath, chainKey, new AuditTrailOptions { RetiredChainKeys = store.DecryptRetiredChainKeys() }).Verify();
    }

    [Fact]
    public void The_new_key_opens_every_value_and_the_old_key_is_refused()
    {
        _kit.Provision();
        var oldKey = ReadKey(KeyFile);
        var valuesBefore = _kit.EnvValues();
        var storedBefore = _kit.StoredEntries();

        var result = RotateKey();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal([$"key {oldKey.Id}"], result.RetiredKeyIds.ToArray());
        var newKey = ReadKey(KeyFile);
        Assert.Equal($"key {newKey.Id}", result.NewKeyId);
        Assert.NotEqual(oldKey.Id, newKey.Id);
        Assert.Equal(21, result.ReencryptedValues);
        AssertRefused(oldKey);
        Assert.Equal(oldKey.Id, ReadKey(result.RetiredKeyFile!).Id);
        Assert.False(File.Exists(KeyFile + ".next"));
        var storedAfter = _kit.StoredEntries();
        Assert.All(storedBefore, entry => Assert.NotEqual(entry.Value, storedAfter[entry.Key]));
        using (var store = SecretStore.Open(Paths, newKey))
        {
            Assert.Equal([$"key {newKey.Id}"], store.KeyIds);
            Assert.Equal($"key {oldKey.Id}", Assert.Single(store.RetiredKeyIds).KeyId);
        }

        var provision = _kit.Provision();
        Assert.True(provision.Succeeded, string.Join("\n", provision.Diagnostics));
        Assert.Equal(valuesBefore, _kit.EnvValues());
    }

    [Fact]
    public void Retired_values_are_re_encrypted_too()
    {
        _kit.Provision();
        var first = _kit.EnvValues()["JWT_SECRET_KEY"];
        _kit.Rotate("JWT_SECRET_KEY");

        RotateKey();

        var previous = Assert.Single((_kit.Previous("JWT_SECRET_KEY")).Values);
        Assert.Equal(first, previous.Value);
    }

    [Fact]
    public void Audit_lines_from_before_each_key_rotation_still_verify()
    {
        _kit.Provision();
        RotateKey();
        _kit.Rotate("jwt_secrets");
        RotateKey();
        _kit.Provision();
        var key = ReadKey(KeyFile);

        var verified = VerifyTrail(key);

        Assert.Null(verified.Error);
        var events = File.ReadAllLines(_kit.AuditPath);
        Assert.Equal(2, events.Count(l => l.Contains("\"event\":\"key-rotated\"", StringComparison.Ordinal)));
        // Chained under this machine's own key throughout: replacing the data key does not change it.
        Assert.Single(events.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kid").GetString()).Distinct());
        // Holding the store's keys, current and retired, is not enough to check (or re-sign) the lines.
        Assert.NotNull(VerifyWithDataKeysOnly(key).Error);
    }

    [Theory]
    [InlineData("staged")]
    [InlineData("both-keys-saved")]
    [InlineData("switched")]
    public void A_crash_between_steps_never_locks_the_store_out_and_a_second_run_finishes(string crashAfter)
    {
        _kit.Provision();
        var oldKey = ReadKey(KeyFile);
        var values = _kit.EnvValues();

        Assert.Throws<IOException>(() => RotateKey(step =>
        {
            if (step == crashAfter)
            {
                throw new IOException("simulated crash");
            }
        }));

        var afterCrash = _kit.Provision();
        Assert.True(afterCrash.Succeeded, string.Join("\n", afterCrash.Diagnostics));
        Assert.Equal(values, _kit.EnvValues());

        var finished = RotateKey();

        Assert.True(finished.Succeeded, string.Join("\n", finished.Diagnostics));
        Assert.Equal(crashAfter == "both-keys-saved", finished.Diagnostics.Any(d => d.Code == DiagnosticCodes.KeyRotationResumed));
        AssertRefused(oldKey);
        Assert.False(File.Exists(KeyFile + ".next"));
        using (var store = SecretStore.Open(Paths, ReadKey(KeyFile)))
        {
            Assert.Single(store.KeyIds);
        }

        Assert.True((_kit.Provision()).Succeeded);
        Assert.Equal(values, _kit.EnvValues());
        Assert.Null(VerifyTrail(ReadKey(KeyFile)).Error);
    }

    [Fact]
    public void A_key_from_a_variable_is_replaced_by_a_key_file_the_user_copies_and_never_printed()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var oldText = KeyText.Format(oldKey);
        _kit.Variables[KeyVariables.KeyFor("development")] = oldText;
        _kit.Provision();
        Assert.Empty(Directory.Exists(_kit.Workspace.KeyDirectory) ? Directory.GetFiles(_kit.Workspace.KeyDirectory) : []);

        var result = RotateKey();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var notice = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.KeyRotationUpdateVariable);
        Assert.Contains(result.NewKeyFile!, notice.Fix);
        Assert.Contains("SECRETS_BUILD_KEY_DEVELOPMENT", notice.Fix);
        var newText = File.ReadAllText(result.NewKeyFile!).Trim();
        var everything = JsonSerializer.Serialize(result) + string.Join("\n", result.Diagnostics) + File.ReadAllText(_kit.AuditPath);
        Assert.DoesNotContain(newText, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(oldText, everything, StringComparison.Ordinal);

        var stale = _kit.Provision();
        Assert.Contains(stale.Diagnostics, d => d.Code == DiagnosticCodes.WrongKey);
        _kit.Variables[KeyVariables.KeyFor("development")] = newText;
        Assert.True((_kit.Provision()).Succeeded);
    }

    [Fact]
    public void A_passphrase_store_needs_a_new_passphrase_and_refuses_the_old_one_afterwards()
    {
        const string OldPassphrase = "correct horse battery staple old";
        const string NewPassphrase = "correct horse battery staple new";
        _kit.Variables[KeyVariables.PassphraseFor("development")] = OldPassphrase;
        _kit.Provision();
        var before = _kit.Workspace.Snapshot(includeAuditTrail: false);

        var refused = RotateKey();

        Assert.Equal(DiagnosticCodes.KeyRotationNeedsPassphrase, Assert.Single(refused.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
        var unchanged = _kit.Workspace.Snapshot(includeAuditTrail: false);
        Assert.All(before, file => Assert.Equal(file.Value, unchanged[file.Key]));

        var rotated = RotateKey(newPassphrase: NewPassphrase);

        Assert.True(rotated.Succeeded, string.Join("\n", rotated.Diagnostics));
        Assert.DoesNotContain(NewPassphrase, string.Join("\n", rotated.Diagnostics), StringComparison.Ordinal);
        AssertRefused(new PassphraseKey(OldPassphrase, "test"));
        _kit.Variables[KeyVariables.PassphraseFor("development")] = NewPassphrase;
        Assert.True((_kit.Provision()).Succeeded);
    }

    [Fact]
    public void A_damaged_retired_key_entry_is_reported_not_ignored()
    {
        _kit.Provision();
        RotateKey();
        var text = File.ReadAllText(_kit.StorePath);
        var sealedKey = JsonDocument.Parse(text).RootElement.GetProperty("retiredKeys")[0].GetProperty("auditChainKey").GetString()!;
        var flipped = (sealedKey[0] == 'A' ? "B" : "A") + sealedKey[1..];
        // Sealed again under the store MAC, which would otherwise report the edit first: the
        // entry's own authentication must hold even against someone who holds the data key.
        StoreTestKit.EditSealed(Paths, ReadKey(KeyFile), json => json["retiredKeys"]![0]!["auditChainKey"] = flipped);

        using var store = SecretStore.Open(Paths, ReadKey(KeyFile));
        var error = Assert.Throws<SecretsException>(() => store.DecryptRetiredChainKeys());

        Assert.Equal(DiagnosticCodes.ValueTampered, error.Code);
        Assert.Contains("retired key entry", error.Message);
    }

    [Fact]
    public void The_options_never_show_the_new_passphrase()
    {
        var options = new RotateKeyOptions { SchemaPath = "s.json", NewPassphrase = "correct horse battery staple" };

        Assert.DoesNotContain("horse", options.ToString(), StringComparison.Ordinal);
    }
}
