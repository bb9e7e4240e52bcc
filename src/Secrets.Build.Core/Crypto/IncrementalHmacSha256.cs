using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>
/// HMAC-SHA256 over data fed in pieces, under one 32-byte key: the same MAC as
/// <see cref="KeyDerivation.HmacSha256"/> over the pieces joined. libsodium's rather than
/// <c>IncrementalHash.CreateHMAC</c>, which costs 10% more CPU per build at 10,000 secrets
/// (tests/Secrets.Build.Benchmarks/RESULTS.md).
/// </summary>
internal sealed class IncrementalHmacSha256 : IDisposable
{
    private readonly Key key;
    private IncrementalMac state;

    /// <param name="key">Exactly 32 bytes, the length every key this library derives has.</param>
    public IncrementalHmacSha256(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyDerivation.HmacSize)
        {
            throw new ArgumentException($"An HMAC-SHA256 key is {KeyDerivation.HmacSize} bytes here, not {key.Length}.", nameof(key));
        }

        this.key = Key.Import(MacAlgorithm.HmacSha256, key, KeyBlobFormat.RawSymmetricKey);
        IncrementalMac.Initialize(this.key, out state);
    }

    /// <summary>Feeds the next piece of the message.</summary>
    public void Append(ReadOnlySpan<byte> data) => IncrementalMac.Update(ref state, data);

    /// <summary>The 32-byte MAC of everything appended; the instance cannot be used afterwards.</summary>
    public byte[] Finish() => IncrementalMac.Finalize(ref state);

    /// <summary>Wipes the imported key.</summary>
    public void Dispose() => key.Dispose();
}
