using System;

namespace Secrets.Build.Core.Schema;

/// <summary>
/// How one secret's value is generated. <see cref="Length"/> counts characters for
/// password and token, <see cref="Bytes"/> counts random bytes for hex and base64 kinds.
/// </summary>
/// <param name="Kind">The kind of value.</param>
/// <param name="Length">Characters drawn from <see cref="Alphabet"/> (password, token).</param>
/// <param name="Bytes">Random bytes encoded (hex, base64, base64url).</param>
/// <param name="Alphabet">The characters drawn from (password, token).</param>
/// <param name="Prefix">Text before the random part (token), e.g. <c>sk-</c>.</param>
/// <param name="MinLength">A lower bound the consumer imposes on the whole value.</param>
/// <param name="MaxLength">An upper bound the consumer imposes on the whole value (MinIO: 40).</param>
/// <param name="MinimumEntropyBits">An explicit per-secret floor that replaces the schema's minimum
/// (for identifiers a consumer caps in length, such as MinIO's 20-character access key).</param>
internal sealed record GenerationRule(
    GenerationKind Kind,
    int Length,
    int Bytes,
    string Alphabet,
    string Prefix,
    int? MinLength,
    int? MaxLength,
    int? MinimumEntropyBits)
{
    /// <summary>The rule for a value the user supplies.</summary>
    public static GenerationRule External { get; } =
        new(GenerationKind.External, 0, 0, string.Empty, string.Empty, null, null, null);

    /// <summary>Bits of entropy a generated value carries; 0 for external values.</summary>
    public double EntropyBits => Kind switch
    {
        GenerationKind.Password or GenerationKind.Token =>
            Alphabet.Length <= 1 ? 0 : Length * Math.Log(Alphabet.Length, 2),
        GenerationKind.Hex or GenerationKind.Base64 or GenerationKind.Base64Url => Bytes * 8.0,
        GenerationKind.Uuid => 122,
        _ => 0,
    };

    /// <summary>The length in characters of every value this rule generates, prefix included.</summary>
    public int GeneratedLength => Kind switch
    {
        GenerationKind.Password => Length,
        GenerationKind.Token => Prefix.Length + Length,
        GenerationKind.Hex => Bytes * 2,
        GenerationKind.Base64 => (Bytes + 2) / 3 * 4,
        GenerationKind.Base64Url => (Bytes * 4 + 2) / 3,
        GenerationKind.Uuid => 36,
        _ => 0,
    };
}
