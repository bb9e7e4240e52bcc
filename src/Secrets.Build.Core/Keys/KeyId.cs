using System.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// A short public name for a key: the first 8 bytes of HMAC-SHA256(key, "secrets-build key id") as
/// 16 lower-case hex characters. Being a MAC under the key, it reveals nothing about the key, yet
/// lets a "wrong key" error say which key was given and which one a store needs.
/// </summary>
internal static class KeyId
{
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("secrets-build key id");

    /// <summary>The id of <paramref name="key"/>.</summary>
    public static string For(ReadOnlySpan<byte> key)
    {
        var mac = KeyDerivation.HmacSha256(key, Label);
        return Convert.ToHexStringLower(mac, 0, 8);
    }
}
