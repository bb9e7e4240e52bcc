using System.Security.Cryptography;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;

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

        events.AddRange(outcome.Generated.Select(name => ForSecret(store, name, AuditEventKind.Generated, trigger, clock)));
        events.AddRange(outcome.Captured.Select(name => ForSecret(store, name, AuditEventKind.Imported, trigger, clock)));
        if (exported)
        {
            events.Add(AuditEvent.Now(AuditEventKind.Exported, trigger, clock));
        }

        var chainKey = store.DeriveAuditChainKey();
        try
        {
            new AuditTrail(AuditTrail.PathFor(store.Paths.SecretsDirectory, store.Environment), chainKey).Append(events);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chainKey);
        }
    }

    private static AuditEvent ForSecret(SecretStore store, string name, AuditEventKind kind, string trigger, TimeProvider clock)
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
