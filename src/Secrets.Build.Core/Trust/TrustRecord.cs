using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>What this machine saw of one store in one environment.</summary>
/// <param name="StoreId">The store's id.</param>
/// <param name="Environment">The environment.</param>
/// <param name="Generation">The highest generation seen (or the one a rollback was accepted to).</param>
/// <param name="GenerationSeenAt">When <paramref name="Generation"/> was first seen.</param>
/// <param name="KeyIds">Every key entry seen in the store, as <c>kind id</c>.</param>
/// <param name="AuditHead">The audit trail's last line as this machine last wrote or verified it; null before the first.</param>
/// <param name="LastSeen">When the store was last opened here.</param>
internal sealed record StoreTrust(
    string StoreId,
    string Environment,
    int Generation,
    DateTimeOffset GenerationSeenAt,
    IReadOnlyList<string> KeyIds,
    AuditHead? AuditHead,
    DateTimeOffset LastSeen);

/// <summary>Which store a workspace's environment last used on this machine.</summary>
internal sealed record WorkspaceTrust(string Path, string Environment, string StoreId, DateTimeOffset LastSeen);

/// <summary>
/// The trust record: the stores and workspaces this machine has seen, as kept in
/// <c>trust.json</c> beside the key files (<see cref="TrustFile"/>). Immutable; a change is a new record.
/// </summary>
internal sealed record TrustRecord(IReadOnlyList<StoreTrust> Stores, IReadOnlyList<WorkspaceTrust> Workspaces)
{
    /// <summary>
    /// The most entries of each kind kept. The oldest (by last seen) go first: a machine that
    /// builds many short-lived folders (tests, CI caches) must not grow the file without bound.
    /// </summary>
    public const int MaxEntries = 2000;

    public static TrustRecord Empty { get; } = new([], []);

    // Plain loops: this record is read and written by every build, and each LINQ call over these
    // types is generic code and a closure the runtime prepares afresh in every build process
    // (RESULTS.md, "Cold-start cuts for the issue 16 bound").
    public StoreTrust? Store(string storeId, string environment)
    {
        foreach (var store in Stores)
        {
            if (store.StoreId == storeId && store.Environment == environment)
            {
                return store;
            }
        }

        return null;
    }

    public WorkspaceTrust? Workspace(string path, string environment)
    {
        foreach (var workspace in Workspaces)
        {
            if (workspace.Path == path && workspace.Environment == environment)
            {
                return workspace;
            }
        }

        return null;
    }

    public TrustRecord With(StoreTrust store)
    {
        var stores = new List<StoreTrust>(Stores.Count + 1);
        foreach (var other in Stores)
        {
            if (other.StoreId != store.StoreId || other.Environment != store.Environment)
            {
                stores.Add(other);
            }
        }

        stores.Add(store);
        return this with { Stores = stores.Count <= MaxEntries ? stores : NewestStores(stores) };
    }

    public TrustRecord With(WorkspaceTrust workspace)
    {
        var workspaces = new List<WorkspaceTrust>(Workspaces.Count + 1);
        foreach (var other in Workspaces)
        {
            if (other.Path != workspace.Path || other.Environment != workspace.Environment)
            {
                workspaces.Add(other);
            }
        }

        workspaces.Add(workspace);
        return this with { Workspaces = workspaces.Count <= MaxEntries ? workspaces : NewestWorkspaces(workspaces) };
    }

    // Methods of their own, so the sorting's types load only on a record that is full.
    private static List<StoreTrust> NewestStores(List<StoreTrust> stores) => [.. stores.OrderByDescending(s => s.LastSeen).Take(MaxEntries)];

    private static List<WorkspaceTrust> NewestWorkspaces(List<WorkspaceTrust> workspaces) => [.. workspaces.OrderByDescending(w => w.LastSeen).Take(MaxEntries)];
}
