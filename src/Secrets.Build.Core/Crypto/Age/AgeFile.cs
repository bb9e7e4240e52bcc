using System.Security.Cryptography;

namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// Whole age v1 files (binary, not armored) for X25519 recipients: what <c>age -e -r</c> writes
/// and <c>age -d -i</c> reads. Secrets.Build wraps each environment's 32-byte data key in one
/// such file per recipient.
/// </summary>
internal static class AgeFile
{
    public const int FileKeySize = 16;
    private const string ScryptStanzaType = "scrypt";

    /// <summary>Encrypts <paramref name="plaintext"/> so that each of <paramref name="recipients"/> can decrypt it.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, IReadOnlyCollection<AgeRecipient> recipients)
    {
        if (recipients.Count == 0)
        {
            throw new ArgumentException("An age file needs at least one recipient.", nameof(recipients));
        }

        var fileKey = RandomNumberGenerator.GetBytes(FileKeySize);
        try
        {
            var stanzas = new List<AgeStanza>();
            foreach (var recipient in recipients)
            {
                stanzas.Add(AgeX25519.Wrap(fileKey, recipient));
            }

            return [.. AgeHeader.Write(stanzas, fileKey), .. AgePayload.Seal(fileKey, plaintext)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>Decrypts <paramref name="file"/> with the first of <paramref name="identities"/> it was made for.</summary>
    public static AgeDecryption Decrypt(ReadOnlySpan<byte> file, IReadOnlyList<AgeIdentity> identities)
    {
        if (!AgeHeader.TryParse(file, out var header, out var payloadOffset, out var problem))
        {
            return AgeDecryption.Failed(AgeDecryptionStatus.Malformed, problem);
        }

        // A passphrase file has exactly one stanza, so a passphrase stanza beside others is a
        // forged header (the spec's rule, even for readers that, like this one, cannot use scrypt).
        if (header.Stanzas.Count > 1 && header.Stanzas.Any(s => s.Type == ScryptStanzaType))
        {
            return AgeDecryption.Failed(AgeDecryptionStatus.Malformed, "an scrypt stanza is not the only stanza of the header");
        }

        // The reference implementation reads the nonce as part of the header: a file cut off
        // before it is malformed, not a payload that fails authentication.
        if (file.Length - payloadOffset < AgePayload.NonceSize)
        {
            return AgeDecryption.Failed(AgeDecryptionStatus.Malformed, "the file ends before the payload's 16-byte nonce");
        }

        var fileKey = UnwrapFileKey(header, identities, out var matched, out problem);
        if (fileKey is null)
        {
            return problem is null
                ? AgeDecryption.Failed(AgeDecryptionStatus.NoMatchingIdentity, "none of the identities is a recipient of the file")
                : AgeDecryption.Failed(AgeDecryptionStatus.Malformed, problem);
        }

        try
        {
            if (!CryptographicOperations.FixedTimeEquals(AgeHeader.ComputeMac(fileKey, header.MacedBytes), header.Mac))
            {
                return AgeDecryption.Failed(AgeDecryptionStatus.HeaderMacMismatch, "the header MAC does not match: the header was altered");
            }

            var plaintext = AgePayload.TryOpen(fileKey, file[payloadOffset..]);
            return plaintext is null
                ? AgeDecryption.Failed(AgeDecryptionStatus.PayloadFailed, "the payload fails authentication: it was altered or cut off")
                : new AgeDecryption(AgeDecryptionStatus.Decrypted, plaintext, matched, string.Empty);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fileKey);
        }
    }

    /// <summary>The X25519 recipients whose stanzas the file's header holds (the share does not reveal them; this reads nothing secret).</summary>
    public static bool TryReadStanzas(ReadOnlySpan<byte> file, out IReadOnlyList<AgeStanza> stanzas, out string problem)
    {
        stanzas = [];
        if (!AgeHeader.TryParse(file, out var header, out _, out problem))
        {
            return false;
        }

        stanzas = header.Stanzas;
        return true;
    }

    private static byte[]? UnwrapFileKey(AgeHeader header, IReadOnlyList<AgeIdentity> identities, out AgeIdentity? matched, out string? problem)
    {
        matched = null;
        problem = null;
        foreach (var stanza in header.Stanzas.Where(s => s.Type == AgeX25519.StanzaType))
        {
            foreach (var identity in identities)
            {
                var fileKey = AgeX25519.TryUnwrap(stanza, identity, out problem);
                if (problem is not null)
                {
                    return null;
                }

                if (fileKey is not null)
                {
                    matched = identity;
                    return fileKey;
                }
            }
        }

        return null;
    }
}

/// <summary>How a decryption ended; the failures are the C2SP test kit's verdicts, kept apart so tests can tell them apart.</summary>
internal enum AgeDecryptionStatus
{
    Decrypted,

    /// <summary>The header parses, but no stanza unwraps with the identities given ("no match").</summary>
    NoMatchingIdentity,

    /// <summary>The header does not parse, or a stanza of a known type is malformed ("header failure").</summary>
    Malformed,

    /// <summary>A file key unwraps, but the header MAC does not match ("HMAC failure").</summary>
    HeaderMacMismatch,

    /// <summary>The payload is cut short, altered, or not chunked canonically ("payload failure").</summary>
    PayloadFailed,
}

/// <summary>The result of <see cref="AgeFile.Decrypt"/>: the plaintext, or why there is none.</summary>
internal sealed record AgeDecryption(AgeDecryptionStatus Status, byte[]? Plaintext, AgeIdentity? Identity, string Problem)
{
    public static AgeDecryption Failed(AgeDecryptionStatus status, string problem) => new(status, null, null, problem);
}
