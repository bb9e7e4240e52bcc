using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// A store written by the current code is read by tests/store-format/read_store.py, a reader
/// written from Store/README.md alone on Debian's python3-cryptography: a change to the format
/// that the specification does not describe fails here. The store uses every part of the
/// format: raw-key, passphrase and age entries, retired values, retired keys, every padding
/// boundary, non-ASCII values and both kinds of next-rotation date.
/// </summary>
public sealed class IndependentReaderTests : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly string Reader = Path.Combine(TestPaths.RepositoryRoot, "tests", "store-format", "read_store.py");
    private static readonly string Fixture = Path.Combine(TestPaths.RepositoryRoot, "tests", "store-format", "fixture");
    private static readonly DateTimeOffset Later = StoreTestKit.Now.AddDays(30);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Test-only values, made for this purpose; the committed fixture holds the same ones.</summary>
    private static Dictionary<string, string[]> SampleValues() => new(StringComparer.Ordinal)
    {
        ["API_KEY"] = ["fixture-api-key-version-one", "fixture-api-key+version/two=="],
        ["EMPTY_VALUE"] = [""],
        ["ONE_PAD_BYTE_31"] = ["fixture-value-of-31-bytes-long!"],
        ["EXACT_BLOCK_32"] = ["fixture-value-of-exactly-32-byte"],
        ["JUST_OVER_33"] = ["fixture-value-of-33-bytes-long!!!"],
        ["UNICODE_VALUE"] = ["fixture-pässwörd-日本語-🔑"],
    };

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_fresh_store_from_the_current_code_is_read_by_the_independent_reader_with_the_raw_key_and_with_the_passphrase()
    {
        var written = WriteStore(_dir.Path);

        var byKey = RunReader(written.Store, written.Metadata, "--key", written.KeyFile, "--expect", written.Expected);
        Assert.True(byKey.ExitCode == 0, byKey.Output);
        Assert.Matches(@"read_store: OK: .* 6 secrets, 7 versions, \d+ key entries \([1-9]\d* age, 0 aws-kms\), 1 retired keys; opened by keys\[0\]", byKey.Output);

        var byPassphrase = RunReader(written.Store, written.Metadata, "--passphrase-file", written.PassphraseFile, "--expect", written.Expected);
        Assert.True(byPassphrase.ExitCode == 0, byPassphrase.Output);

        // Refreshes the committed fixture when asked: SECB_WRITE_STORE_FIXTURE=1 dotnet test --filter IndependentReader
        if (Environment.GetEnvironmentVariable("SECB_WRITE_STORE_FIXTURE") == "1")
        {
            foreach (var file in new[] { written.Store, written.Metadata, written.KeyFile, written.PassphraseFile, written.Expected })
            {
                File.Copy(file, Path.Combine(Fixture, Path.GetFileName(file)), overwrite: true);
            }
        }
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_reader_reports_a_store_MAC_failure_when_one_metadata_byte_changes()
    {
        var written = WriteStore(_dir.Path);
        var text = File.ReadAllText(written.Metadata);
        var at = text.IndexOf("\"rotatedAt\": \"2026-", StringComparison.Ordinal) + "\"rotatedAt\": \"202".Length;
        Assert.Equal('6', text[at]);
        File.WriteAllText(written.Metadata, text[..at] + "5" + text[(at + 1)..]);

        var result = RunReader(written.Store, written.Metadata, "--key", written.KeyFile, "--expect", written.Expected);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the store MAC does not verify", result.Output);
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_committed_fixture_is_still_opened_by_the_current_code_with_the_values_it_lists()
    {
        var paths = StorePaths.ForWorkspace(_dir.Path, "fixture");
        Directory.CreateDirectory(paths.SecretsDirectory);
        File.Copy(Path.Combine(Fixture, ".env.fixture.json"), paths.StorePath);
        File.Copy(Path.Combine(Fixture, ".env.fixture.metadata"), paths.MetadataPath);
        Assert.True(KeyText.TryParse(File.ReadAllText(Path.Combine(Fixture, "fixture.key")), out var keyBytes));
        var expected = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Path.Combine(Fixture, "expected-values.json")))!;

        using var store = SecretStore.Open(paths, new RawKey(keyBytes, "fixture"), StoreTestKit.FastKdf);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), store.Names);
        foreach (var (name, versions) in expected)
        {
            foreach (var (version, value) in versions)
            {
                var number = int.Parse(version, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(value, number == store.GetMetadata(name).Version ? store.Reveal(name) : store.RevealVersion(name, number));
            }
        }
    }

    private sealed record WrittenStore(string Store, string Metadata, string KeyFile, string PassphraseFile, string Expected);

    private static WrittenStore WriteStore(string directory)
    {
        var paths = StorePaths.ForWorkspace(directory, "fixture");
        var key = StoreTestKit.NewKey("fixture key");
        const string passphrase = "fixture passphrase, test only: correct horse battery staple";
        var values = SampleValues();

        using (var store = SecretStore.Create(paths, key, StoreTestKit.FastKdf))
        {
            foreach (var (name, versions) in values)
            {
                store.Set(name, versions[0], SecretSource.Generated, StoreTestKit.Now, name == "API_KEY" ? StoreTestKit.Now.AddDays(90) : null);
            }

            store.Save();
        }

        using (var store = SecretStore.Open(paths, key, StoreTestKit.FastKdf))
        {
            store.Set("API_KEY", values["API_KEY"][1], SecretSource.External, Later, null);
            store.ReplaceDataKey([key, new PassphraseKey(passphrase, "fixture passphrase")], Later, StoreTestKit.FastKdf);
            store.Save();
        }

        // An age entry's binding enters the MAC as .NET's escaped JSON, where "+" becomes \u002B;
        // recipients are added until one binding holds a "+" (half of them do), so that rule is read.
        for (var added = 0; added < 20 && !BindingsHoldAPlus(paths); added++)
        {
            using var identity = AgeIdentity.Generate("fixture identity");
            using var store = SecretStore.Open(paths, key, StoreTestKit.FastKdf);
            store.AddRecipient(identity.Recipient);
            store.Save();
        }

        Assert.True(BindingsHoldAPlus(paths), "No age binding of 20 holds a \"+\".");

        var keyFile = Path.Combine(directory, "fixture.key");
        File.WriteAllText(keyFile, KeyText.Format(key.Key) + "\n");
        var passphraseFile = Path.Combine(directory, "fixture.passphrase");
        File.WriteAllText(passphraseFile, passphrase + "\n");
        var expected = Path.Combine(directory, "expected-values.json");
        var byVersion = values.ToDictionary(v => v.Key, v => v.Value.Select((value, i) => (value, i)).ToDictionary(p => (p.i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.value));
        File.WriteAllText(expected, JsonSerializer.Serialize(byVersion, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", new UTF8Encoding(false));
        return new WrittenStore(paths.StorePath, paths.MetadataPath, keyFile, passphraseFile, expected);
    }

    private static bool BindingsHoldAPlus(StorePaths paths)
    {
        using var store = JsonDocument.Parse(File.ReadAllBytes(paths.StorePath));
        return store.RootElement.GetProperty("keys").EnumerateArray()
            .Any(entry => entry.TryGetProperty("binding", out var binding) && binding.GetString()!.Contains('+', StringComparison.Ordinal));
    }

    internal static (int ExitCode, string Output) RunReader(params string[] arguments)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: the reader runs on Debian's python3 with python3-cryptography and python3-argon2.");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Reader);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
