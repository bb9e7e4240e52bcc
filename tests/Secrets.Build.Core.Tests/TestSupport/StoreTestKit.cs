using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.TestSupport;

/// <summary>A workspace folder, keys and the helpers the store tests share.</summary>
internal sealed class StoreTestKit : IDisposable
{
    /// <summary>Argon2id cheap enough to run in many tests; only accepted through the internal test option.</summary>
    public static readonly StoreSecurity FastKdf = new(new Argon2Parameters(64, 1, 1), AcceptBelowOwaspMinimum: true);

    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    public StoreTestKit()
    {
        Key = NewKey("test key");
        Paths = PathsFor("development");
    }

    public RawKey Key { get; }

    public StorePaths Paths { get; }

    public string Workspace => _dir.Path;

    public static RawKey NewKey(string source) => new(RandomNumberGenerator.GetBytes(32), source);

    public StorePaths PathsFor(string environment) => StorePaths.ForWorkspace(_dir.Path, environment);

    /// <summary>A saved store with three secrets; returns the values it holds.</summary>
    public Dictionary<string, string> SaveSample(StorePaths? paths = null, RawKey? key = null)
    {
        var values = new Dictionary<string, string>
        {
            ["API_KEY"] = "sk-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            ["POSTGRES_PASSWORD"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            ["REDIS_PASSWORD"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
        };
        using var store = SecretStore.Create(paths ?? Paths, key ?? Key);
        foreach (var (name, value) in values)
        {
            store.Set(name, value, SecretSource.Generated, Now, Now.AddDays(90));
        }

        store.Save();
        return values;
    }

    public static JsonNode ReadJson(string path) => JsonNode.Parse(File.ReadAllText(path))!;

    public static void WriteJson(string path, JsonNode node) => File.WriteAllText(path, node.ToJsonString());

    public static void EditJson(string path, Action<JsonNode> edit)
    {
        var node = ReadJson(path);
        edit(node);
        WriteJson(path, node);
    }

    /// <summary>
    /// Edits the store file and seals it again with its data key, as a newer version (or anyone
    /// who can open the store, a former recipient with an old copy included) would write it.
    /// </summary>
    public static void EditSealed(StorePaths paths, KeyMaterial key, Action<JsonNode> edit)
    {
        EditJson(paths.StorePath, edit);
        var store = SecretStore.ReadStoreFile(paths).Document;
        var metadata = StoreFileReader.Parse<MetadataDocument>(paths.MetadataPath, File.ReadAllBytes(paths.MetadataPath), StoreFormat.MetadataMarker);
        var dataKey = DataKeyWrapping.Unwrap(store, key, paths.StorePath, FastKdf);
        var macKey = StoreIntegrity.MacKey(dataKey);
        var content = StoreIntegrity.Mac(macKey, store.StoreId, store.Environment,
            StoreLoader.DecodeSecrets(paths.StorePath, store), MetadataCodec.Decode(paths.MetadataPath, metadata));
        var mac = StoreIntegrity.SealedMac(macKey, store.Generation, store.Keys, store.RetiredKeys, content);
        EditJson(paths.StorePath, json => json["mac"] = Convert.ToBase64String(mac));
    }

    /// <summary>
    /// Opening fails with <paramref name="code"/>, names the file, and leaks none of the values;
    /// and the failed open changed no file.
    /// </summary>
    public SecretsException AssertOpenFails(string code, IEnumerable<string> values, KeyMaterial? key = null, StorePaths? paths = null, StoreSecurity? security = null)
    {
        paths ??= Paths;
        var before = Snapshot(paths);

        var ex = Assert.Throws<SecretsException>(() => SecretStore.Open(paths, key ?? Key, security ?? StoreSecurity.Default).Dispose());

        Assert.Equal(code, ex.Code);
        var diagnostic = Assert.Single(ex.Diagnostics);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.Fix));
        Assert.Contains(diagnostic.Location!.File!, new[] { paths.StorePath, paths.MetadataPath });
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, ex.ToString());
        }

        Assert.Equal(before, Snapshot(paths));
        return ex;
    }

    private static string Snapshot(StorePaths paths) =>
        string.Join("\n", Directory.GetFiles(paths.SecretsDirectory).Order(StringComparer.Ordinal)
            .Select(f => f + ":" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));

    public void Dispose() => _dir.Dispose();
}
