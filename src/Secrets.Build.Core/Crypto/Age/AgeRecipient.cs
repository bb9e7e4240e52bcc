using System.Security.Cryptography;

namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// An age X25519 recipient: a public key written <c>age1…</c> (Bech32). Public, so it can be
/// committed, printed and logged. Two recipients are equal when their keys are.
/// </summary>
internal sealed class AgeRecipient : IEquatable<AgeRecipient>
{
    internal const string Hrp = "age";
    internal const int KeySize = 32;

    private readonly byte[] _publicKey;

    private AgeRecipient(byte[] publicKey)
    {
        _publicKey = publicKey;
        Text = Bech32.Encode(Hrp, publicKey);
        Fingerprint = FingerprintOf(publicKey);
    }

    /// <summary>The <c>age1…</c> form, exactly as <c>age-keygen</c> prints it.</summary>
    public string Text { get; }

    /// <summary>
    /// A short name for the key: the first 8 bytes of SHA-256 over the 32-byte public key, as 16
    /// lower-case hex digits. The store's key list and error messages use it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The 32-byte X25519 public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Reads an <c>age1…</c> recipient; surrounding whitespace is ignored.</summary>
    public static bool TryParse(string? text, out AgeRecipient recipient)
    {
        recipient = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        // age prints recipients in lower case; upper case is valid Bech32 but never what a tool writes.
        if (!trimmed.StartsWith(Hrp + "1", StringComparison.Ordinal)
            || !Bech32.TryDecode(trimmed, out var hrp, out var key)
            || hrp != Hrp
            || key.Length != KeySize)
        {
            return false;
        }

        recipient = new AgeRecipient(key);
        return true;
    }

    /// <summary>Reads an <c>age1…</c> recipient.</summary>
    /// <exception cref="FormatException">When <paramref name="text"/> is not one.</exception>
    public static AgeRecipient Parse(string text) =>
        TryParse(text, out var recipient) ? recipient : throw new FormatException("Not an age X25519 recipient (age1 followed by 58 Bech32 characters).");

    internal static AgeRecipient FromPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != KeySize)
        {
            throw new ArgumentException($"An X25519 public key is {KeySize} bytes.", nameof(publicKey));
        }

        return new AgeRecipient(publicKey.ToArray());
    }

    internal static string FingerprintOf(ReadOnlySpan<byte> publicKey) =>
        Convert.ToHexStringLower(SHA256.HashData(publicKey)[..8]);

    /// <inheritdoc/>
    public bool Equals(AgeRecipient? other) => other is not null && _publicKey.AsSpan().SequenceEqual(other._publicKey);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AgeRecipient);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>The <c>age1…</c> form.</summary>
    public override string ToString() => Text;
}
