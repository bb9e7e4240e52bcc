using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// HMAC-SHA256 under one 32-byte key imported into libsodium once, for many messages. Gives the
/// same MACs as <see cref="KeyDerivation.HmacSha256"/>, which imports its key on every call:
/// that import (guarded, locked pages) costs far more than hashing a secret-sized message.
/// </summary>
internal sealed class HmacSha256Key : IDisposable
{
    private readonly Key key;

    /// <param name="key">Exactly 32 bytes, the length every key this library derives has.</param>
    public HmacSha256Key(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyDerivation.HmacSize)
        {
            throw new ArgumentException($"An imported HMAC-SHA256 key is {KeyDerivation.HmacSize} bytes, not {key.Length}.", nameof(key));
        }

        this.key = Key.Import(MacAlgorithm.HmacSha256, key, KeyBlobFormat.RawSymmetricKey);
    }

    /// <summary>The 32-byte HMAC-SHA256 of <paramref name="data"/>.</summary>
    public byte[] Mac(ReadOnlySpan<byte> data)
    {
        var mac = new byte[KeyDerivation.HmacSize];
        MacAlgorithm.HmacSha256.Mac(key, data, mac);
        return mac;
    }

    /// <summary>Wipes the imported key.</summary>
    public void Dispose() => key.Dispose();
}
