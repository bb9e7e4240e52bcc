using System.Buffers.Text;
using System.Security.Cryptography;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Generation;

/// <summary>
/// Generates secret values from <see cref="GenerationRule"/>s, with <see cref="RandomNumberGenerator"/>
/// as the only source of randomness.
/// </summary>
/// <remarks>
/// Characters are drawn with <see cref="RandomNumberGenerator.GetString"/>, which picks each one with
/// <see cref="RandomNumberGenerator.GetInt32(int)"/> (or a bit mask when the alphabet size is a power
/// of two); GetInt32 rejects and redraws the random numbers that would wrap around the alphabet, so
/// every character is exactly equally likely. A plain <c>randomByte % alphabet.Length</c> would make
/// the first <c>256 % length</c> characters more likely (37 of the 73 .env-safe ones).
/// </remarks>
internal static class SecretGenerator
{
    /// <summary>A new random value for <paramref name="rule"/>.</summary>
    /// <param name="rule">How to generate; never <see cref="GenerationKind.External"/>.</param>
    /// <param name="secretName">The secret's name, for error messages only.</param>
    /// <exception cref="SecretsException">SECB001 for an external rule; SECB002 for a rule that cannot produce a value.</exception>
    public static string Generate(GenerationRule rule, string? secretName = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var value = rule.Kind switch
        {
            GenerationKind.Password => RandomCharacters(rule, secretName),
            GenerationKind.Token => rule.Prefix + RandomCharacters(rule, secretName),
            GenerationKind.Hex => Encode(RandomBytes(rule, secretName), Convert.ToHexStringLower),
            GenerationKind.Base64 => Encode(RandomBytes(rule, secretName), Convert.ToBase64String),
            GenerationKind.Base64Url => Encode(RandomBytes(rule, secretName), bytes => Base64Url.EncodeToString(bytes)),
            GenerationKind.Uuid => RandomUuid(),
            GenerationKind.External => throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.GenerationExternal,
                $"{Describe(secretName)} is external: its value comes from you and is never generated.",
                "Supply the value (for example by importing it into the store) instead of generating it.")),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown generation kind."),
        };

        CheckLengthBounds(rule, value.Length, secretName);
        return value;
    }

    private static string RandomCharacters(GenerationRule rule, string? secretName)
    {
        if (rule.Length <= 0)
        {
            throw Invalid(secretName, $"its length is {rule.Length}", "Set \"length\" to a positive number of characters.");
        }

        CheckAlphabet(rule.Alphabet, secretName);
        return RandomNumberGenerator.GetString(rule.Alphabet, rule.Length);
    }

    private static byte[] RandomBytes(GenerationRule rule, string? secretName)
    {
        if (rule.Bytes <= 0)
        {
            throw Invalid(secretName, $"it asks for {rule.Bytes} bytes", "Set \"bytes\" to a positive number of random bytes.");
        }

        return SensitiveBuffers.Track(RandomNumberGenerator.GetBytes(rule.Bytes));
    }

    // The random bytes are the value in binary form: cleared once they are text.
    private static string Encode(byte[] bytes, Func<byte[], string> toText)
    {
        try
        {
            return toText(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>An RFC 9562 version 4 UUID: 122 random bits, the version nibble 4 and the variant bits 10.</summary>
    private static string RandomUuid()
    {
        // Guid.NewGuid is also random on .NET, but building it here keeps RandomNumberGenerator the one source.
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    private static void CheckAlphabet(string alphabet, string? secretName)
    {
        if (alphabet.Length < 2)
        {
            throw Invalid(secretName, "its alphabet has fewer than two characters", "List at least two characters in \"alphabet\", or remove it to use the default.");
        }

        if (alphabet.Distinct().Count() != alphabet.Length)
        {
            throw Invalid(secretName, "its alphabet repeats characters, which would make them more likely than others", "List every character in \"alphabet\" once.");
        }

        if (alphabet.Any(char.IsSurrogate))
        {
            throw Invalid(secretName, "its alphabet holds characters outside the Basic Multilingual Plane", "Use single-unit characters (the default alphabet is safe everywhere).");
        }
    }

    private static void CheckLengthBounds(GenerationRule rule, int length, string? secretName)
    {
        // The schema parser reports these with positions; this guard keeps a hand-built rule from
        // producing a value its consumer would reject (MinIO refuses secret keys over 40 characters).
        if (rule.MaxLength is { } max && length > max)
        {
            throw Invalid(secretName, $"it makes {length}-character values, above its maxLength of {max}", "Lower \"length\" or \"bytes\".");
        }

        if (rule.MinLength is { } min && length < min)
        {
            throw Invalid(secretName, $"it makes {length}-character values, below its minLength of {min}", "Raise \"length\" or \"bytes\".");
        }
    }

    private static SecretsException Invalid(string? secretName, string why, string fix) =>
        new(SecretsDiagnostic.Error(
            DiagnosticCodes.GenerationRuleInvalid,
            $"The generation rule of {Describe(secretName)} cannot produce a value: {why}.",
            fix));

    private static string Describe(string? secretName) =>
        secretName is null ? "this secret" : $"'{secretName}'";
}
