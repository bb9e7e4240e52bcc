using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening.Fuzz;

/// <summary>
/// One provisioned workspace whose real files seed the fuzz loops: the store, its metadata, the
/// audit trail (with its chain key) and the key file, read once and restored after each case.
/// </summary>
public sealed class FuzzWorkspace : IDisposable
{
    private readonly HardeningWorkspace _workspace = new();

    public FuzzWorkspace()
    {
        var variables = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-fuzz-external-value" };
        _workspace.Provision(variables: variables);
        // A second run adds accessed/exported lines to the trail.
        _workspace.Provision(variables: variables);

        Paths = StorePaths.ForWorkspace(_workspace.Workspace, "development");
        KeyFilePath = Directory.GetFiles(_workspace.KeyDirectory, "*.development.key").Single();
        KeyFileBytes = File.ReadAllBytes(KeyFilePath);
        Assert.True(KeyText.TryParse(File.ReadAllText(KeyFilePath), out var key));
        Key = new RawKey(key, KeyFilePath);
        StoreBytes = File.ReadAllBytes(Paths.StorePath);
        MetadataBytes = File.ReadAllBytes(Paths.MetadataPath);
        TrailPath = AuditTrail.PathFor(Paths.SecretsDirectory, Paths.Environment);
        TrailBytes = File.ReadAllBytes(TrailPath);
        using var store = SecretStore.Open(Paths, Key);
        ChainKey = Tests.Trust.LocalChain.KeyFor(store, _workspace.KeyDirectory);
        EnvFileBytes = File.ReadAllBytes(_workspace.PathOf(".env.development"));
        var trustFolder = Path.Combine(_workspace.KeyDirectory, "trust");
        StoreTrustPath = Path.Combine(trustFolder, $"{store.StoreId}.{Paths.Environment}.json");
        StoreTrustBytes = File.ReadAllBytes(StoreTrustPath);
        WorkspaceTrustPath = Directory.GetFiles(trustFolder, "workspace-*.json").Single();
        WorkspaceTrustBytes = File.ReadAllBytes(WorkspaceTrustPath);
    }

    public string Workspace => _workspace.Workspace;

    public string KeyDirectory => _workspace.KeyDirectory;

    internal StorePaths Paths { get; }

    internal RawKey Key { get; }

    public string KeyFilePath { get; }

    public byte[] KeyFileBytes { get; }

    public byte[] StoreBytes { get; }

    public byte[] MetadataBytes { get; }

    public string TrailPath { get; }

    public byte[] TrailBytes { get; }

    public byte[] ChainKey { get; }

    /// <summary>This machine's record of the store (in the trust folder beside the key file), as the two provisionings left it.</summary>
    public string StoreTrustPath { get; }

    public byte[] StoreTrustBytes { get; }

    /// <summary>This machine's record of which store the workspace uses.</summary>
    public string WorkspaceTrustPath { get; }

    public byte[] WorkspaceTrustBytes { get; }

    /// <summary>The rendered <c>.env</c>: real quoting and escaping, test values only.</summary>
    public byte[] EnvFileBytes { get; }

    public void Dispose() => _workspace.Dispose();
}
