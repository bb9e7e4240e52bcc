using System.Security.Cryptography;
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
    /// <summary>The active trail file of <paramref name="store"/>'s environment.</summary>
    public static string TrailPath(SecretStore store) => AuditTrail.PathFor(store.Paths.SecretsDirectory, store.Environment);

    /// <summary>Verifies the whole chain; never throws for a damaged trail (see <see cref="AuditTrail.Verify(AuditHead?)"/>).</summary>
    /// <exception cref="Diagnostics.SecretsException">SECB249 when another process holds the trail's lock past the timeout.</exception>
    public static AuditVerification Verify(SecretStore store, AuditHead? expectedHead = null)
    {
        var chainKey = store.DeriveAuditChainKey();
        var retired = store.DecryptRetiredChainKeys();
        try
        {
            using var trail = new AuditTrail(TrailPath(store), chainKey, new AuditTrailOptions { RetiredChainKeys = retired });
            return trail.Verify(expectedHead);
        }
        finally
        {
            // The trail keeps its own copies; these are wiped as soon as verification is done.
            CryptographicOperations.ZeroMemory(chainKey);
            retired.ForEach(k => CryptographicOperations.ZeroMemory(k));
        }
    }
}
