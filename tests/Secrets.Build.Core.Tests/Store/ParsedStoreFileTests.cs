using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// A build parses the store file once, for its header, and hands it to the open: the crash
/// recoveries of an open must work just the same with that parsed file as without it.
/// </summary>
public sealed class ParsedStoreFileTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void The_header_parse_is_the_file_the_open_uses()
    {
        var values = _kit.SaveSample();
        var parsed = SecretStore.ReadStoreFile(_kit.Paths);
        File.Delete(_kit.Paths.StorePath);
        File.Copy(_kit.Paths.MetadataPath, _kit.Paths.StorePath);

        // The file now on disk is not a store; only the parsed one can have been opened.
        using var store = SecretStore.Open(_kit.Paths, _kit.Key, StoreSecurity.Default, parsed);

        Assert.Equal(values["API_KEY"], store.Reveal("API_KEY"));
    }

    [Fact]
    public void A_crash_between_the_renames_is_finished_when_the_header_was_parsed_first()
    {
        _kit.SaveSample();
        using (var store = SecretStore.Open(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "sk-after-crash", SecretSource.Generated, StoreTestKit.Now.AddDays(1), null);
            Assert.Throws<InvalidOperationException>(() => store.Save(afterMetadata: () => throw new InvalidOperationException("simulated crash")));
        }

        var parsed = SecretStore.ReadStoreFile(_kit.Paths);
        Assert.Equal(_kit.Paths.StorePath, parsed.Path);

        using (var recovered = SecretStore.Open(_kit.Paths, _kit.Key, StoreSecurity.Default, parsed))
        {
            Assert.Equal("sk-after-crash", recovered.Reveal("API_KEY"));
            Assert.Equal(2, recovered.GetMetadata("API_KEY").Version);
        }

        Assert.False(File.Exists(_kit.Paths.PendingStorePath));
    }

    [Fact]
    public void A_crashed_first_save_is_finished_from_the_parsed_pending_store()
    {
        using (var store = SecretStore.Create(_kit.Paths, _kit.Key))
        {
            store.Set("API_KEY", "first", SecretSource.Generated, StoreTestKit.Now, null);
            Assert.Throws<InvalidOperationException>(() => store.Save(afterMetadata: () => throw new InvalidOperationException("simulated crash")));
        }

        var parsed = SecretStore.ReadStoreFile(_kit.Paths);
        Assert.Equal(_kit.Paths.PendingStorePath, parsed.Path);

        using (var recovered = SecretStore.Open(_kit.Paths, _kit.Key, StoreSecurity.Default, parsed))
        {
            Assert.Equal("first", recovered.Reveal("API_KEY"));
        }

        Assert.True(File.Exists(_kit.Paths.StorePath));
        Assert.False(File.Exists(_kit.Paths.PendingStorePath));
    }
}
