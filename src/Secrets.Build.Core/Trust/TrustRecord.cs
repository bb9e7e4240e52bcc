using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// What this machine saw of one store in one environment: one file in the trust folder
/// (<see cref="TrustFolder"/>), so what a build reads and writes does not grow with the number
/// of stores the machine has seen.
/// </summary>
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

/// <summary>Which store a workspace's environment uses on this machine, and since when: one file in the trust folder.</summary>
/// <param name="Path">The workspace folder's full path.</param>
/// <param name="Environment">The environment.</param>
/// <param name="StoreId">The store the environment used when last recorded.</param>
/// <param name="Since">When this workspace's environment was first recorded with <paramref name="StoreId"/>.</param>
internal sealed record WorkspaceTrust(string Path, string Environment, string StoreId, DateTimeOffset Since);
