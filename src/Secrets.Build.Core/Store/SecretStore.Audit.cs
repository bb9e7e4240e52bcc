using Secrets.Build.Core.Audit;

namespace Secrets.Build.Core.Store;

public sealed partial class SecretStore
{
    /// <summary>
    /// The key that chains this environment's audit trail, derived from the data key so every
    /// key mode (key file, variable, passphrase) chains the same trail. Callers clear it after use.
    /// </summary>
    internal byte[] DeriveAuditChainKey()
    {
        ThrowIfDisposed();
        return AuditTrail.DeriveChainKey(_dataKey, Environment);
    }

    /// <summary>
    /// The trail's head as this machine last recorded it (its trust record), moved on by every
    /// append through <see cref="StoreAuditChain"/>; null when this machine recorded none. Every
    /// append checks the trail still reaches it, and the operation records the new one when done.
    /// </summary>
    internal AuditHead? RecordedAuditHead { get; set; }
}
