using System.Security.Cryptography;

namespace Secrets.Build.Core.Store;

/// <summary>One secret as an opened store holds it: the ciphertext as on disk, and the value.</summary>
internal sealed class StoredSecret
{
    public required int Version { get; init; }
    public required byte[] Nonce { get; init; }
    public required byte[] Ciphertext { get; init; }
    public required IReadOnlyList<RetiredVersion> Retired { get; init; }
    public required byte[] Plaintext { get; init; }
    public required SecretMetadata Metadata { get; init; }

    public void Clear() => CryptographicOperations.ZeroMemory(Plaintext);
}

/// <summary>An earlier version, still encrypted, kept so a rotation can be undone.</summary>
internal sealed record RetiredVersion(int Version, DateTimeOffset RetiredAt, byte[] Nonce, byte[] Ciphertext);
