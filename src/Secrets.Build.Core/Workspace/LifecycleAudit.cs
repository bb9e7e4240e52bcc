using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// Appends what a lifecycle operation did to the environment's audit trail, in the same shape as
/// provisioning: names, versions and keyed fingerprints, never values.
/// </summary>
internal static class LifecycleAudit
{
    public static void Record(SecretStore store, IEnumerable<AuditEvent> events) => StoreAuditChain.Append(store, events);

    public static AuditEvent ForSecret(SecretStore store, string name, AuditEventKind kind, string trigger, TimeProvider clock)
    {
        var metadata = store.GetMetadata(name);
        return AuditEvent.Now(kind, trigger, clock) with
        {
            SecretName = name,
            Version = metadata.Version,
            Fingerprint = metadata.Fingerprint,
        };
    }
}
