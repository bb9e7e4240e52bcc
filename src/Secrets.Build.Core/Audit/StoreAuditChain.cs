using System.Security.Cryptography;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// Verifies an environment's trail with the keys its opened store holds: the current chain key and
/// the chain keys of every data key the store replaced (key rotation, recipient removal), so the
/// lines written before a replacement still verify. The one way <c>VerifySecretsAudit</c> and
/// compliance check 8 verify a trail.
/// </summary>
internal static class StoreAuditChain
{
    /// <summary>
    /// Appends <paramref name="events"/> chained under the store's chain key, after checking the trail
    /// still reaches <see cref="SecretStore.RecordedAuditHead"/>, which then moves to the new head.
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">SECB710-SECB712 when the trail falls short of the recorded head; as <see cref="AuditTrail.Append(IEnumerable{AuditEvent})"/>.</exception>
    public static AuditHead Append(SecretStore store, IEnumerable<AuditEvent> events)
    {
        if (store.LocalChainKey is null && store.MakeLocalChainKey is { } make)
        {
            store.LocalChainKey = make();
            store.MakeLocalChainKey = null;
        }

        var chainKey = store.LocalChainKey is { } local ? (byte[])local.Clone() : store.DeriveAuditChainKey();
        try
        {
            var options = store.LocalChainKey is null
                ? new AuditTrailOptions()
                : new AuditTrailOptions { KeyChangeEvent = AuditEvent.Now(AuditEventKind.ChainKeyChanged, "secrets-build") };
            using var trail = new AuditTrail(TrailPath(store), chainKey, options);
            var head = trail.Append(events, store.RecordedAuditHead);
            store.RecordedAuditHead = head;
            return head;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(chainKey);
        }
    }

    /// <summary>
    /// The key new lines are chained under, and every key older lines may carry: this machine's
    /// own chain key when it has one, then the chain keys of the current and every replaced data key.
    /// </summary>
    private static (byte[] Current, List<byte[]> Older) VerificationKeys(SecretStore store)
    {
        var retired = store.DecryptRetiredChainKeys();
        if (store.LocalChainKey is not { } local)
        {
            return (store.DeriveAuditChainKey(), retired);
        }

        return ((byte[])local.Clone(), [store.DeriveAuditChainKey(), .. retired]);
    }

    /// <summary>The active trail file of <paramref name="store"/>'s environment.</summary>
    public static string TrailPath(SecretStore store) => AuditTrail.PathFor(store.Paths.SecretsDirectory, store.Environment);

    /// <summary>
    /// Verifies the whole chain; never throws for a damaged trail (see <see cref="AuditTrail.Verify(AuditHead?)"/>).
    /// Without an <paramref name="expectedHead"/> the trail is held against the head this machine
    /// recorded (<see cref="SecretStore.RecordedAuditHead"/>), and falling short of it is SECB710-SECB712.
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">SECB249 when another process holds the trail's lock past the timeout.</exception>
    public static AuditVerification Verify(SecretStore store, AuditHead? expectedHead = null)
    {
        var (chainKey, retired) = VerificationKeys(store);
        try
        {
            using var trail = new AuditTrail(TrailPath(store), chainKey, new AuditTrailOptions { RetiredChainKeys = retired });
            var recorded = expectedHead is null ? store.RecordedAuditHead : null;
            var verification = trail.Verify(expectedHead ?? recorded);
            if (recorded is not null && verification.Error?.Code == DiagnosticCodes.AuditHeadMismatch)
            {
                // The recorded head is this machine's, not the caller's: say what happened to the trail.
                var actual = File.Exists(trail.Path) || verification.LinesChecked > 0 ? AuditTrail.ReadHead(trail.Path) : AuditHead.Empty;
                return verification with { Error = AuditProblems.CutAgainstRecord(trail.Path, recorded, actual) };
            }

            return verification;
        }
        finally
        {
            // The trail keeps its own copies; these are wiped as soon as verification is done.
            CryptographicOperations.ZeroMemory(chainKey);
            retired.ForEach(k => CryptographicOperations.ZeroMemory(k));
        }
    }
}
