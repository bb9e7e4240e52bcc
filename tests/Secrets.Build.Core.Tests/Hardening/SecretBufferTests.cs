using System.Diagnostics;
using System.Security.Cryptography;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.KeyRotation;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// Every byte buffer that holds a key or a value is cleared once the operation that made it is
/// over. Core reports each such buffer as it is made (<see cref="SensitiveBuffers"/>: raw keys,
/// data keys, derived keys, Argon2 output, decrypted and padded values, random bytes of generated
/// values, the audit chain key); these tests keep a reference to each and, after the call or the
/// Dispose, demand that every one is all zeros. A forgotten <c>ZeroMemory</c> on any of those paths
/// fails them, naming where the buffer was made (never its content).
/// </summary>
[Trait("Category", "Leaks")]
public sealed class SecretBufferTests : IDisposable
{
    private readonly HardeningWorkspace _workspace = new();
    private readonly SecretsManager _manager = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Provisioning_clears_keys_values_and_derived_keys_on_first_and_later_runs()
    {
        AssertAllClearedAfter("first run (new key file, generation)", () => _manager.Provision(_workspace.Options()));
        AssertAllClearedAfter("second run (open, decrypt, compare)", () => _manager.Provision(_workspace.Options()));
        AssertAllClearedAfter("key from a variable, new environment", () => _manager.Provision(
            _workspace.Options("staging", new() { ["SECRETS_BUILD_KEY_STAGING"] = KeyText.Format(RandomNumberGenerator.GetBytes(32)) })));
    }

    [Fact]
    public void Rotation_previous_values_key_rotation_and_report_clear_their_buffers()
    {
        _workspace.Provision();
        var lifecycle = new RotateOptions { SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>(), Selectors = ["all"] };

        AssertAllClearedAfter("rotate all", () => _manager.RotateSecrets(lifecycle));
        AssertAllClearedAfter("previous values", () => _manager.GetPreviousValues(new PreviousValuesOptions
        {
            SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>(),
        }));
        AssertAllClearedAfter("key rotation", () => _manager.RotateKey(new RotateKeyOptions
        {
            SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>(),
        }));
        AssertAllClearedAfter("compliance report", () => _manager.GenerateComplianceReport(new ReportOptions
        {
            SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>(), WriteReports = false,
        }));
    }

    [Fact]
    public void Failed_opens_clear_what_they_decrypted_a_wrong_key_and_a_tampered_store()
    {
        _workspace.Provision();
        var wrongKey = new Dictionary<string, string> { ["SECRETS_BUILD_KEY_DEVELOPMENT"] = KeyText.Format(RandomNumberGenerator.GetBytes(32)) };
        AssertAllClearedAfter("wrong key", () => _manager.Provision(_workspace.Options("development", wrongKey)), expectSuccess: false, minimumBuffers: 1);

        // One flipped byte in the metadata: every value decrypts, then the MAC fails.
        var metadataPath = _workspace.PathOf("secrets/.env.development.metadata");
        Assert.True(File.Exists(metadataPath), "the metadata file is where this test expects it");
        var metadata = File.ReadAllText(metadataPath);
        var tampered = metadata.Replace("\"rotatedAt\": \"20", "\"rotatedAt\": \"19", StringComparison.Ordinal);
        Assert.True(tampered != metadata, "the tampering found a rotatedAt to change");
        File.WriteAllText(metadataPath, tampered);
        AssertAllClearedAfter("tampered metadata", () => _manager.Provision(_workspace.Options()), expectSuccess: false);
    }

    [Fact]
    public void A_passphrase_store_clears_the_passphrase_bytes_and_the_Argon2_key()
    {
        var passphrase = new Dictionary<string, string> { ["SECRETS_BUILD_PASSPHRASE_STAGING"] = "correct horse battery staple " + Guid.NewGuid() };
        AssertAllClearedAfter("passphrase, first run", () => _manager.Provision(_workspace.Options("staging", passphrase)));
        AssertAllClearedAfter("passphrase, second run", () => _manager.Provision(_workspace.Options("staging", passphrase)));
    }

    [Fact]
    public void A_store_keeps_its_data_key_and_values_until_Dispose_and_then_clears_them()
    {
        _workspace.Provision();
        var paths = StorePaths.ForWorkspace(_workspace.Workspace, "development");
        var keyText = File.ReadAllText(Directory.GetFiles(_workspace.KeyDirectory, "*.key").Single());
        Assert.True(KeyText.TryParse(keyText, out var keyBytes));

        var buffers = new List<Tracked>();
        SecretStore store;
        using (SensitiveBuffers.Observe(b => buffers.Add(new Tracked(b, new StackTrace(1, fNeedFileInfo: true)))))
        {
            store = SecretStore.Open(paths, new RawKey(keyBytes, "test"));
            store.Set("HARDENING_EXTRA", "a value set through the API " + Guid.NewGuid(), SecretSource.External, DateTimeOffset.UtcNow, null);
            _ = store.RevealVersion("HARDENING_EXTRA", 1);
        }

        // While the store is open its data key and values must still be there: without this, a
        // test that never saw a live buffer would pass for the wrong reason.
        // Live: the raw key, the data key and every non-empty value.
        var live = buffers.Count(b => !IsZero(b.Buffer));
        var nonEmpty = store.Names.Count(n => store.Reveal(n).Length > 0);
        Assert.True(live >= nonEmpty + 2, $"an open store holds its keys and values: {live} live buffers of {buffers.Count} reported, {nonEmpty} non-empty values");
        store.Dispose();
        CryptographicOperations.ZeroMemory(keyBytes);
        AssertAllZero("SecretStore after Dispose", buffers);
    }

    private static void AssertAllClearedAfter<T>(string operation, Func<T> run, bool expectSuccess = true, int minimumBuffers = 3)
    {
        var buffers = new List<Tracked>();
        T result;
        using (SensitiveBuffers.Observe(b =>
        {
            lock (buffers)
            {
                buffers.Add(new Tracked(b, new StackTrace(1, fNeedFileInfo: true)));
            }
        }))
        {
            result = run();
        }

        var succeeded = (bool)typeof(T).GetProperty("Succeeded")!.GetValue(result)!;
        Assert.True(succeeded == expectSuccess, $"{operation}: expected {(expectSuccess ? "success" : "failure")}: {result}");
        Assert.True(buffers.Count(b => b.Buffer.Length > 0) >= minimumBuffers, $"{operation}: only {buffers.Count} sensitive buffers were reported, so the seam is not reached");
        AssertAllZero(operation, buffers);
    }

    private static void AssertAllZero(string operation, List<Tracked> buffers)
    {
        var dirty = buffers.Where(b => !IsZero(b.Buffer)).ToList();
        Assert.True(dirty.Count == 0,
            $"{operation}: {dirty.Count} of {buffers.Count} buffers holding a key or value were not cleared. Made at:\n"
            + string.Join("\n---\n", dirty.Select(b => $"{b.Buffer.Length} bytes\n{b.MadeAt}")));
    }

    private static bool IsZero(byte[] buffer) => !buffer.AsSpan().ContainsAnyExcept((byte)0);

    private sealed record Tracked(byte[] Buffer, StackTrace MadeAt);
}
