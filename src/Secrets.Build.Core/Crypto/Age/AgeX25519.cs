using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// The age X25519 recipient type: the file key is wrapped with ChaCha20-Poly1305 under
/// HKDF-SHA256(X25519(ephemeral, recipient), salt = ephemeral share ‖ recipient,
/// info "age-encryption.org/v1/X25519"), with an all-zero nonce (each wrap key is used once).
/// </summary>
internal static class AgeX25519
{
    public const string StanzaType = "X25519";
    private const int WrappedFileKeySize = AgeFile.FileKeySize + 16;
    private static readonly byte[] Info = Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519");
    private static readonly byte[] ZeroNonce = new byte[12];

    public static AgeStanza Wrap(ReadOnlySpan<byte> fileKey, AgeRecipient recipient)
    {
        var algorithm = KeyAgreementAlgorithm.X25519;
        using var ephemeral = Key.Create(algorithm);
        var share = ephemeral.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        var recipientKey = PublicKey.Import(algorithm, recipient.PublicKey, KeyBlobFormat.RawPublicKey);
        using var shared = algorithm.Agree(ephemeral, recipientKey)
            ?? throw new ArgumentException($"The recipient {recipient} is not a usable X25519 public key (a low-order point).", nameof(recipient));
        var wrapKey = DeriveWrapKey(shared, share, recipient.PublicKey);
        try
        {
            using var aeadKey = Key.Import(AeadAlgorithm.ChaCha20Poly1305, wrapKey, KeyBlobFormat.RawSymmetricKey);
            var body = AeadAlgorithm.ChaCha20Poly1305.Encrypt(aeadKey, ZeroNonce, ReadOnlySpan<byte>.Empty, fileKey);
            return new AgeStanza(StanzaType, [AgeBase64.Encode(share)], body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    /// <summary>
    /// True when <paramref name="recipient"/> is a low-order point: agreement with it yields the
    /// all-zero secret whatever the private key, so a wrap to it would protect nothing (age refuses it).
    /// </summary>
    public static bool IsLowOrder(AgeRecipient recipient)
    {
        var algorithm = KeyAgreementAlgorithm.X25519;
        using var probe = Key.Create(algorithm);
        using var shared = algorithm.Agree(probe, PublicKey.Import(algorithm, recipient.PublicKey, KeyBlobFormat.RawPublicKey));
        return shared is null;
    }

    /// <summary>
    /// The file key when <paramref name="stanza"/> was made for <paramref name="identity"/>; null when
    /// it was made for someone else. A malformed X25519 stanza sets <paramref name="problem"/>.
    /// </summary>
    public static byte[]? TryUnwrap(AgeStanza stanza, AgeIdentity identity, out string? problem)
    {
        problem = null;
        if (stanza.Arguments.Count != 1
            || !AgeBase64.TryDecode(stanza.Arguments[0], out var share)
            || share.Length != AgeRecipient.KeySize
            || stanza.Body.Length != WrappedFileKeySize)
        {
            problem = "an X25519 stanza does not have one 32-byte share and a 32-byte body";
            return null;
        }

        var algorithm = KeyAgreementAlgorithm.X25519;
        using var privateKey = identity.ImportPrivate();
        using var shared = algorithm.Agree(privateKey, PublicKey.Import(algorithm, share, KeyBlobFormat.RawPublicKey));
        if (shared is null)
        {
            // An all-zero shared secret: the share is a low-order point, which the spec says to reject.
            problem = "an X25519 stanza's share is a low-order point";
            return null;
        }

        var wrapKey = DeriveWrapKey(shared, share, identity.Recipient.PublicKey);
        try
        {
            using var aeadKey = Key.Import(AeadAlgorithm.ChaCha20Poly1305, wrapKey, KeyBlobFormat.RawSymmetricKey);
            var fileKey = new byte[AgeFile.FileKeySize];
            return AeadAlgorithm.ChaCha20Poly1305.Decrypt(aeadKey, ZeroNonce, ReadOnlySpan<byte>.Empty, stanza.Body, fileKey)
                ? fileKey
                : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    // NSec derives from the shared secret directly, so its raw bytes never sit in a managed array.
    private static byte[] DeriveWrapKey(SharedSecret shared, ReadOnlySpan<byte> share, ReadOnlySpan<byte> recipient) =>
        KeyDerivationAlgorithm.HkdfSha256.DeriveBytes(shared, [.. share, .. recipient], Info, 32);
}
