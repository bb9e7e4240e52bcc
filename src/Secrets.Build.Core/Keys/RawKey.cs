using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Keys;

/// <summary>A 256-bit key, from a key file or a <c>SECRETS_BUILD_KEY*</c> variable.</summary>
internal sealed record RawKey : KeyMaterial
{
    /// <summary>Creates a key; <paramref name="key"/> must be 32 bytes.</summary>
    /// <param name="key">The key bytes. The record keeps this array; callers clear it when done.</param>
    /// <param name="source">Where the key came from (never the key).</param>
    public RawKey(byte[] key, string source)
        : base(source)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != AesGcm256.KeySize)
        {
            throw new ArgumentException($"A key is {AesGcm256.KeySize} bytes, not {key.Length}.", nameof(key));
        }

        Key = SensitiveBuffers.Track(key);
    }

    /// <summary>The 32 key bytes.</summary>
    public byte[] Key { get; }

    /// <summary>The key's public id (<see cref="KeyId.For"/>): safe to print, names the key in errors.</summary>
    public string Id => KeyId.For(Key);

    /// <summary>Names the key by source and id; never prints the key.</summary>
    public override string ToString() => $"RawKey {{ Id = {Id}, Source = {Source} }}";
}
