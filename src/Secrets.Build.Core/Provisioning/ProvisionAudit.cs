using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Provisioning;

/// <summary>Writes what one provisioning run did to the environment's audit trail: names, versions, fingerprints; never values.</summary>
internal static class ProvisionAudit
{
    public static void Record(SecretStore store, ReconcileOutcome outcome, bool opened, bool exported, string trigger, TimeProvider clock)
    {
        var events = new List<AuditEvent>();
        if (opened)
        {
            events.Add(AuditEvent.Now(AuditEventKind.Accessed, trigger, clock));
        }

        events.AddRange(outcome.Generated.Select(name => LifecycleAudit.ForSecret(store, name, AuditEventKind.Generated, trigger, clock)));
        events.AddRange(outcome.Captured.Select(name => LifecycleAudit.ForSecret(store, name, AuditEventKind.Imported, trigger, clock)));
        if (exported)
        {
            events.Add(AuditEvent.Now(AuditEventKind.Exported, trigger, clock));
        }

        LifecycleAudit.Record(store, events);
    }
}
