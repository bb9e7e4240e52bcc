using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// The hand-written file writer produces, byte for byte, what the System.Text.Json serializer it
/// replaced wrote. The fixture was saved by that serializer: a raw key and a passphrase entry, an
/// entry of an unknown kind with extension members (non-ASCII text, HTML characters, nested
/// values), a secret with retired versions, retired keys, a null and a set next rotation, names
/// whose ordinal order differs from a culture's.
/// </summary>
public sealed class StoreFileWriterTests : IDisposable
{
    private static readonly string FixtureDirectory = Path.Combine(TestPaths.RepositoryRoot, "tests", "Secrets.Build.Core.Tests", "Store", "Fixtures");
    private readonly TempDirectory _dir = new();
    private readonly StorePaths _paths;
    private readonly RawKey _key = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)], "fixture");

    public StoreFileWriterTests()
    {
        _paths = StorePaths.ForWorkspace(_dir.Path, "development");
        Directory.CreateDirectory(_paths.SecretsDirectory);
        File.Copy(Path.Combine(FixtureDirectory, "serializer-store.json"), _paths.StorePath);
        File.Copy(Path.Combine(FixtureDirectory, "serializer-store.metadata"), _paths.MetadataPath);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_store_written_by_the_old_serializer_is_rewritten_unchanged()
    {
        var storeBefore = File.ReadAllBytes(_paths.StorePath);
        var metadataBefore = File.ReadAllBytes(_paths.MetadataPath);

        using (var store = SecretStore.Open(_paths, _key, StoreTestKit.FastKdf))
        {
            Assert.Equal(["API_KEY", "ROTATED", "Z_LAST", "_UNDERSCORE", "b_lower"], store.Names);
            Assert.False(store.Save(), "the writer produced other bytes than the serializer did");
        }

        Assert.Equal(storeBefore, File.ReadAllBytes(_paths.StorePath));
        Assert.Equal(metadataBefore, File.ReadAllBytes(_paths.MetadataPath));
    }

    [Fact]
    public void A_changed_value_rewrites_only_its_own_lines()
    {
        var before = File.ReadAllLines(_paths.StorePath);
        var metadataBefore = File.ReadAllLines(_paths.MetadataPath);

        using (var store = SecretStore.Open(_paths, _key, StoreTestKit.FastKdf))
        {
            store.Set("Z_LAST", "a new value", SecretSource.Imported, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), null);
            Assert.True(store.Save());
        }

        var after = File.ReadAllLines(_paths.StorePath);
        var changed = before.Except(after).ToList();
        // Z_LAST's nonce and ciphertext, and the MAC; the new retired entry is added, nothing else moves.
        Assert.Equal(3, changed.Count);
        Assert.Contains(changed, line => line.TrimStart().StartsWith("\"mac\"", StringComparison.Ordinal));
        Assert.Empty(metadataBefore.Take(5).Except(File.ReadAllLines(_paths.MetadataPath)));
    }
}
