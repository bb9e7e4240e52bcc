using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Tests.IO;
using Secrets.Build.Core.Tests.Store;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// A store with aws-kms entries made through the real SDK and moto is still read by
/// tests/store-format/read_store.py with its key file: the entries are under the store MAC exactly
/// as Store/README.md describes them, and their encryption context names the store.
/// </summary>
[Collection(MotoKmsCollection.Name)]
public sealed class KmsIndependentReaderTests(MotoKmsFixture moto) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [MotoFact]
    public void A_store_with_a_key_and_two_kms_entries_verifies_in_the_independent_reader()
    {
        var paths = StorePaths.ForWorkspace(_dir.Path, "production");
        var key = StoreTestKit.NewKey("reader key");
        using (var store = SecretStore.Create(paths, key, StoreTestKit.FastKdf))
        {
            store.Set("API_KEY", "kms-reader-test-value+/=", SecretSource.Generated, StoreTestKit.Now, null);
            foreach (var arn in new[] { moto.CreateKey().Arn, moto.CreateKey().Arn })
            {
                using var kms = KmsProviders.Create(AwsKmsKeyWrapProvider.Kind, arn, KmsTimeout.Default);
                Assert.True(store.AddKmsKey(kms));
            }

            store.Save();
        }

        var keyFile = Path.Combine(_dir.Path, "reader.key");
        File.WriteAllText(keyFile, KeyText.Format(key.Key) + "\n");

        var result = IndependentReaderTests.RunReader(paths.StorePath, paths.MetadataPath, "--key", keyFile);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("3 key entries (0 age, 2 aws-kms)", result.Output, StringComparison.Ordinal);

        // An entry edited to name another store fails (the MAC covers its context).
        var text = File.ReadAllText(paths.StorePath);
        var storeId = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("storeId").GetString()!;
        File.WriteAllText(paths.StorePath, text.Replace($"\"secrets-build:store\": \"{storeId}\"", $"\"secrets-build:store\": \"{new string('0', 32)}\"", StringComparison.Ordinal));
        var edited = IndependentReaderTests.RunReader(paths.StorePath, paths.MetadataPath, "--key", keyFile);
        Assert.Equal(1, edited.ExitCode);
    }
}
