using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening.Processes;

/// <summary>
/// What a workspace holds after a run, read the way a later build reads it: open, verify, decrypt.
/// <see cref="Previous"/> holds, for every secret past its first version, the value of the version
/// just before the current one (what a rotation's grace period exports as <c>NAME__PREVIOUS</c>);
/// <see cref="History"/> the retired versions the store keeps.
/// </summary>
internal sealed record WorkspaceState(
    Dictionary<string, string> Values,
    Dictionary<string, int> Versions,
    Dictionary<string, string> Previous,
    Dictionary<string, IReadOnlyList<int>> History,
    AuditVerification Audit)
{
    /// <summary>Opens the development store with its key file (completing a save a crash interrupted, as any build would).</summary>
    public static WorkspaceState Read(HardeningWorkspace workspace, string environment = "development")
    {
        var paths = StorePaths.ForWorkspace(workspace.Workspace, environment);
        var header = SecretStore.ReadHeader(paths);
        var resolution = new KeyLocator(environment, header.StoreId, new Dictionary<string, string>(), workspace.KeyDirectory, workspace.Workspace).Resolve();
        Assert.True(resolution.Found, string.Join("\n", resolution.Diagnostics));
        using var store = SecretStore.Open(paths, resolution.Key!);
        var audit = Tests.Trust.LocalChain.Verify(store, workspace.KeyDirectory);
        var versions = store.Names.ToDictionary(n => n, n => store.GetMetadata(n).Version);
        var history = store.Names.ToDictionary(n => n, store.RetiredVersions);
        return new WorkspaceState(
            store.Names.ToDictionary(n => n, store.Reveal),
            versions,
            store.Names.Where(n => history[n].Contains(versions[n] - 1)).ToDictionary(n => n, n => store.RevealVersion(n, versions[n] - 1)),
            history,
            audit);
    }
}
