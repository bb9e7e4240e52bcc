using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// <c>audit-chain.secret</c> in the key folder: a random secret of this machine from which the audit
/// chain keys of its trails derive. Derived from the store's data key instead, every recipient
/// and every build server could rewrite a trail and sign it again; this secret never leaves the
/// machine, so only it can extend its trails. Written like a key file: mode 600, never replaced.
/// </summary>
internal static class AuditChainSecret
{
    public const string FileName = "audit-chain.secret";

    /// <summary>The secret, made on first use in an existing key folder; null without a key folder.</summary>
    /// <exception cref="SecretsException">SECB709 when the file exists but holds no secret.</exception>
    public static byte[]? ReadOrCreate(string? keyDirectory)
    {
        if (keyDirectory is null || !Directory.Exists(keyDirectory))
        {
            return null;
        }

        var path = Path.Combine(keyDirectory, FileName);
        if (Read(path) is { } existing)
        {
            return existing;
        }

        var secret = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        try
        {
            KeyFileWriter.WriteNew(path, secret);
            return secret;
        }
        catch (SecretsException ex) when (ex.Code == DiagnosticCodes.KeyFileAlreadyExists)
        {
            // Another build made it first: use that one, so both chain under the same key.
            CryptographicOperations.ZeroMemory(secret);
            return Read(path);
        }
    }

    /// <summary>The secret when the file exists; null when it does not.</summary>
    /// <exception cref="SecretsException">SECB709 when it exists but cannot be read as a secret.</exception>
    public static byte[]? Read(string path)
    {
        string text;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            text = File.ReadAllText(path, Encoding.ASCII);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Damaged(path, ex.Message);
        }

        return KeyText.TryParse(text.Trim(), out var secret) ? secret : throw Damaged(path, "it does not hold a key");
    }

    /// <summary>The chain key of one store's trail in one environment.</summary>
    public static byte[] ChainKey(ReadOnlySpan<byte> secret, string storeId, string environment) =>
        KeyDerivation.Hkdf(secret, Encoding.ASCII.GetBytes(storeId), $"Secrets.Build local audit chain v1 {environment}", Audit.AuditTrail.ChainKeySize);

    private static SecretsException Damaged(string path, string detail) => new(SecretsDiagnostic.Error(
        DiagnosticCodes.AuditChainSecretDamaged,
        $"This machine's audit chain secret '{path}' cannot be read: {detail}. The audit trails this machine wrote are chained under keys derived from it.",
        "Restore it from a backup of the key folder. Without it, the lines this machine wrote no longer verify (delete the file to start new chains; VerifySecretsAudit then reports the older lines).",
        SourceLocation.ForFile(path)));
}
