using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto;

/// <summary>Stretches a passphrase into a 256-bit key with Argon2id (NSec / libsodium).</summary>
internal static class PassphraseKdf
{
    /// <summary>Bytes of key derived: an AES-256 key.</summary>
    public const int KeySize = 32;

    /// <summary>Salt length in bytes; libsodium's Argon2id takes exactly 16.</summary>
    public const int SaltSize = 16;

    /// <summary>A fresh random salt from <see cref="RandomNumberGenerator"/>.</summary>
    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltSize);

    /// <summary>
    /// Derives a 32-byte key from <paramref name="passphrase"/>. The passphrase is normalized to
    /// Unicode NFC first, so the same passphrase typed on macOS (which may produce NFD) and on
    /// Linux or Windows derives the same key.
    /// </summary>
    /// <param name="passphrase">The passphrase; never logged.</param>
    /// <param name="salt">A 16-byte random salt (<see cref="NewSalt"/>), stored next to the parameters.</param>
    /// <param name="parameters">The cost; <see cref="Argon2Parameters.Default"/> for new stores.</param>
    /// <exception cref="ArgumentException">The salt is not 16 bytes, or <see cref="Argon2Parameters.Problem"/> is set.</exception>
    public static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt, Argon2Parameters parameters)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        ArgumentNullException.ThrowIfNull(parameters);
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"An Argon2id salt is {SaltSize} bytes, not {salt.Length}.", nameof(salt));
        }

        if (parameters.Problem is { } problem)
        {
            throw new ArgumentException(problem, nameof(parameters));
        }

        var nsecParameters = new NSec.Cryptography.Argon2Parameters
        {
            MemorySize = parameters.MemoryKiB,
            NumberOfPasses = parameters.Iterations,
            DegreeOfParallelism = parameters.Parallelism,
        };
        var argon2 = PasswordBasedKeyDerivationAlgorithm.Argon2id(nsecParameters);

        var passphraseBytes = SensitiveBuffers.Track(Encoding.UTF8.GetBytes(passphrase.Normalize(NormalizationForm.FormC)));
        try
        {
            return SensitiveBuffers.Track(argon2.DeriveBytes(passphraseBytes, salt, KeySize));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphraseBytes);
        }
    }
}
