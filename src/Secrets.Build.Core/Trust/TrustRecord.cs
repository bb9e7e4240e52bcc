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

    public StoreTrust? Store(string storeId, string environment) =>
        Stores.FirstOrDefault(s => s.StoreId == storeId && s.Environment == environment);

    public WorkspaceTrust? Workspace(string path, string environment) =>
        Workspaces.FirstOrDefault(w => w.Path == path && w.Environment == environment);

    public TrustRecord With(StoreTrust store) => this with
    {
        Stores = Newest([.. Stores.Where(s => s.StoreId != store.StoreId || s.Environment != store.Environment), store], s => s.LastSeen),
    };

    public TrustRecord With(WorkspaceTrust workspace) => this with
    {
        Workspaces = Newest([.. Workspaces.Where(w => w.Path != workspace.Path || w.Environment != workspace.Environment), workspace], w => w.LastSeen),
    };

    private static List<T> Newest<T>(List<T> entries, Func<T, DateTimeOffset> lastSeen) =>
        entries.Count <= MaxEntries ? entries : [.. entries.OrderByDescending(lastSeen).Take(MaxEntries)];
}
