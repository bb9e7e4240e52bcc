using System.Security.Cryptography;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// An age X25519 identity: the private key written <c>AGE-SECRET-KEY-1…</c>, as <c>age-keygen</c>
/// makes it. <see cref="ToString"/> shows only the public <see cref="Recipient"/>; dispose to wipe
/// the key from memory.
/// </summary>
internal sealed class AgeIdentity : IDisposable
{
    internal const string Hrp = "age-secret-key-";

    private readonly byte[] _secret;

    private AgeIdentity(byte[] secret, string source)
    {
        _secret = secret;
        Source = source;
        using var key = ImportPrivate();
        Recipient = AgeRecipient.FromPublicKey(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The public key that belongs to this identity.</summary>
    public AgeRecipient Recipient { get; }

    /// <summary>Where the identity was read from (a file path or variable name), for messages.</summary>
    public string Source { get; }

    /// <summary>A new random identity, as <c>age-keygen</c> makes one.</summary>
    public static AgeIdentity Generate(string source = "generated") =>
        new(RandomNumberGenerator.GetBytes(AgeRecipient.KeySize), source);

    /// <summary>Reads one <c>AGE-SECRET-KEY-1…</c> line (upper case, as age writes it); surrounding whitespace is ignored.</summary>
    public static bool TryParse(string? text, string source, out AgeIdentity identity)
    {
        identity = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal)
            || !Bech32.TryDecode(trimmed, out var hrp, out var secret))
        {
            return false;
        }

        if (hrp != Hrp || secret.Length != AgeRecipient.KeySize)
        {
            CryptographicOperations.ZeroMemory(secret);
            return false;
        }

        identity = new AgeIdentity(secret, source);
        return true;
    }

    /// <summary>The <c>AGE-SECRET-KEY-1…</c> text, for writing an identity file. Handle it as a secret.</summary>
    public string ToSecretText() => Bech32.Encode(Hrp, _secret).ToUpperInvariant();

    /// <summary>Wipes the private key.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(_secret);

    /// <summary>The public recipient and the source; never the private key.</summary>
    public override string ToString() => $"AgeIdentity {{ Recipient = {Recipient}, Source = {Source} }}";

    /// <summary>The private key in NSec form; the caller disposes it.</summary>
    internal Key ImportPrivate() => Key.Import(KeyAgreementAlgorithm.X25519, _secret, KeyBlobFormat.RawPrivateKey);
}
