namespace Secrets.Build.Core.Store;

internal sealed partial class SecretStore
{
    /// <summary>
    /// The key that chains this environment's audit trail, derived from the data key so every
    /// key mode (key file, variable, passphrase) chains the same trail. Callers clear it after use.
    /// </summary>
    internal byte[] DeriveAuditChainKey()
    {
        ThrowIfDisposed();
        return AuditChainKey.Derive(_dataKey, Environment);
    }

    /// <summary>
    /// The trail's head as this machine last recorded it (its trust record), moved on by every
    /// append through the audit trail's append; null when this machine recorded none. Every
    /// append checks the trail still reaches it, and the operation records the new one when done.
    /// </summary>
    internal AuditHead? RecordedAuditHead { get; set; }

    /// <summary>
    /// This machine's chain key for the store's trail (from the secret beside its key files), or
    /// null where there is none (no key folder): then the trail is chained under the data key's.
    /// Set when the store is opened for an operation; wiped with the store.
    /// </summary>
    internal byte[]? LocalChainKey { get; set; }

    /// <summary>Makes <see cref="LocalChainKey"/> (and the machine's secret) when the first line is appended; null when there is nothing to make.</summary>
    internal Func<byte[]?>? MakeLocalChainKey { get; set; }
}
