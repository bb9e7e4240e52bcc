using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Store;

/// <summary>
/// The key that chains an environment's audit trail, derived from its data key. It sits with the
/// store because the store holds the data key (and rekeys the trail on a key rotation); the trail
/// one layer up only uses it.
/// </summary>
internal static class AuditChainKey
{
    /// <summary>The chain key's length in bytes (HMAC-SHA256).</summary>
    public const int Size = 32;

    /// <summary>HKDF-SHA256 of the environment's key, with an info string naming the audit chain and the environment.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> environmentKey, string environment) =>
        KeyDerivation.Hkdf(environmentKey, ReadOnlySpan<byte>.Empty, $"Secrets.Build audit chain v1 {environment}", Size);
}
