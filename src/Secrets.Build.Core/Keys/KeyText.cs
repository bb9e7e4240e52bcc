using System.Buffers.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// The one text form of a key, used both in key files and in the <c>SECRETS_BUILD_KEY*</c>
/// variables: <c>sbk1:</c> followed by the 32 key bytes as unpadded base64url (RFC 4648 section 5),
/// 48 characters in all, e.g. <c>sbk1:q2Z0m8...</c>. The prefix makes a key recognisable (secret
/// scanners, a human reading a CI setting) and versions the form; base64url needs no quoting in
/// shells, YAML or CI secret fields.
/// </summary>
internal static class KeyText
{
    /// <summary>What every key text starts with.</summary>
    public const string Prefix = "sbk1:";

    /// <summary>The length of a key text: the prefix plus 43 base64url characters.</summary>
    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(AesGcm256.KeySize);

    /// <summary>A description of the form, for error messages (it never contains a key).</summary>
    public static readonly string ExpectedForm =
        $"'{Prefix}' followed by {Length - Prefix.Length} base64url characters (A-Z a-z 0-9 - _), as in a key file";

    /// <summary>The text form of a 32-byte key.</summary>
    public static string Format(ReadOnlySpan<byte> key)
    {
        if (key.Length != AesGcm256.KeySize)
        {
            throw new ArgumentException($"A key is {AesGcm256.KeySize} bytes, not {key.Length}.", nameof(key));
        }

        return Prefix + Base64Url.EncodeToString(key);
    }

    /// <summary>
    /// Reads a key text. Surrounding whitespace (a key file's final newline, a pasted space) is
    /// ignored; anything else that is not exactly the form gives false.
    /// </summary>
    public static bool TryParse(string? text, out byte[] key)
    {
        key = [];
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length != Length || !trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var decoded = new byte[AesGcm256.KeySize];
        if (!TryDecodeCanonical(trimmed[Prefix.Length..], decoded))
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(decoded);
            return false;
        }

        key = decoded;
        return true;
    }

    /// <summary>
    /// Strict unpadded base64url: the decoded key must encode back to exactly the same characters,
    /// so padding, whitespace and set bits past the last whole byte are refused and one key has
    /// exactly one text.
    /// </summary>
    /// <remarks>
    /// Through <see cref="Convert"/>'s base64 decoder, whose code is in the framework's precompiled
    /// image: the vectorised base64url decoder is compiled afresh in every build process
    /// (RESULTS.md, "Cold-start cuts for the issue 16 bound").
    /// </remarks>
    private static bool TryDecodeCanonical(ReadOnlySpan<char> encoded, Span<byte> destination)
    {
        var padded = (encoded.Length + 3) / 4 * 4;
        Span<char> standard = stackalloc char[padded];
        Span<char> again = stackalloc char[padded];
        var canonical = TryToStandardAlphabet(encoded, standard)
            && Convert.TryFromBase64Chars(standard, destination, out var written)
            && written == destination.Length
            && Convert.TryToBase64Chars(destination, again, out var length)
            && again[..length].SequenceEqual(standard);
        standard.Clear();
        again.Clear();
        return canonical;
    }

    // base64url to base64: '-' and '_' become '+' and '/', and '=' pads to whole groups of four.
    // Anything outside the base64url alphabet fails here, white space included (Convert skips it).
    private static bool TryToStandardAlphabet(ReadOnlySpan<char> encoded, Span<char> standard)
    {
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '-')
            {
                c = '+';
            }
            else if (c == '_')
            {
                c = '/';
            }
            else if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }

            standard[i] = c;
        }

        standard[encoded.Length..].Fill('=');
        return true;
    }
}
