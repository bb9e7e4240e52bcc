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
}
