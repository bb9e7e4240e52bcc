using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening.Processes;

/// <summary>What a workspace holds after a run, read the way a later build reads it: open, verify, decrypt.</summary>
internal sealed record WorkspaceState(Dictionary<string, string> Values, Dictionary<string, int> Versions, AuditVerification Audit)
{
    /// <summary>Opens the development store with its key file (completing a save a crash interrupted, as any build would).</summary>
    public static WorkspaceState Read(HardeningWorkspace workspace, string environment = "development")
    {
        var paths = StorePaths.ForWorkspace(workspace.Workspace, environment);
        var header = SecretStore.ReadHeader(paths);
        var resolution = new KeyLocator(environment, header.StoreId, new Dictionary<string, string>(), workspace.KeyDirectory, workspace.Workspace).Resolve();
        Assert.True(resolution.Found, string.Join("\n", resolution.Diagnostics));
        using var store = SecretStore.Open(paths, resolution.Key!);
        var chainKey = store.DeriveAuditChainKey();
        var audit = new AuditTrail(AuditTrail.PathFor(paths.SecretsDirectory, environment), chainKey).Verify();
        return new WorkspaceState(
            store.Names.ToDictionary(n => n, store.Reveal),
            store.Names.ToDictionary(n => n, n => store.GetMetadata(n).Version),
            audit);
    }
}
