using System.Globalization;
using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>
/// Check 5: every generation rule yields at least 128 bits, and every JWT HMAC key is at least 32 bytes.
/// A rule with its own, lower floor (an identifier a consumer caps in length) is a warning, not a failure:
/// the schema documents the exception, but the value is still weaker than the standard asks.
/// </summary>
internal sealed class StrengthCheck : ComplianceCheck
{
    /// <summary>NIST SP 800-57 Part 1 Rev. 5, section 5.6.1: 128 bits of security strength.</summary>
    public const int RequiredBits = 128;

    /// <summary>RFC 7518 section 3.2: an HS256 key is at least the hash output size, 256 bits.</summary>
    public const int JwtKeyBytes = 32;

    public override string Id => DiagnosticCodes.ComplianceStrength;

    public override string Title => "Generated values carry 128 bits; JWT HMAC keys are at least 32 bytes";

    public override string Source => "NIST SP 800-57 Part 1 Rev. 5 section 5.6.1; RFC 7518 section 3.2";

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        var weak = new List<string>();
        var excepted = new List<string>();
        var shortJwt = new List<string>();
        foreach (var secret in context.Schema.Secrets)
        {
            var rule = secret.Generation;
            if (!secret.IsExternal && rule.EntropyBits < RequiredBits)
            {
                var described = $"{secret.Name} ({rule.EntropyBits.ToString("F0", CultureInfo.InvariantCulture)} bits)";
                (rule.MinimumEntropyBits is { } floor && rule.EntropyBits >= floor ? excepted : weak).Add(described);
            }

            // A value imported from an older setup was never drawn by the rule; shorter than the rule's
            // output, it cannot carry the rule's strength.
            if (!secret.IsExternal && context.Store is { } store && store.Contains(secret.Name)
                && store.GetMetadata(secret.Name).Source == Store.SecretSource.Imported
                && store.Reveal(secret.Name).Length < rule.GeneratedLength)
            {
                weak.Add($"{secret.Name} (an imported value shorter than the {rule.GeneratedLength} characters its rule generates)");
            }

            if (IsJwtKey(secret) && KeyBytes(secret, context) is { } bytes && bytes < JwtKeyBytes)
            {
                shortJwt.Add($"{secret.Name} ({bytes} bytes)");
            }
        }

        var schema = context.Schema.SourcePath ?? string.Empty;
        if (weak.Count > 0 || shortJwt.Count > 0)
        {
            var found = new List<string>();
            if (weak.Count > 0)
            {
                found.Add($"weaker than {RequiredBits} bits: {string.Join(", ", weak)}");
            }

            if (shortJwt.Count > 0)
            {
                found.Add($"JWT HMAC keys below {JwtKeyBytes} bytes: {string.Join(", ", shortJwt)}");
            }

            return Result(context, ComplianceStatus.Fail, string.Join("; ", found) + ".",
                $"Raise the rule's length or bytes in {schema} (e.g. \"bytes\": 32 or a 22+ character alphanumeric password) and keep \"minimumEntropyBits\" at {RequiredBits} or more, then rotate those secrets.",
                [schema]);
        }

        if (excepted.Count > 0)
        {
            return Result(context, ComplianceStatus.Warn,
                $"Below {RequiredBits} bits under the rule's own \"minimumEntropyBits\": {string.Join(", ", excepted)}; every other generated value reaches {RequiredBits} bits.",
                "Where the consumer allows it, lengthen the value and drop the lower floor; otherwise keep the exception documented in the schema.",
                [schema]);
        }

        return Pass(context, $"Every generation rule reaches {RequiredBits} bits; every JWT HMAC key is at least {JwtKeyBytes} bytes.", schema);
    }

    private static bool IsJwtKey(SecretDefinition secret) =>
        secret.Name.Contains("JWT", StringComparison.OrdinalIgnoreCase) || secret.Category.Contains("jwt", StringComparison.OrdinalIgnoreCase);

    /// <summary>The HMAC key length: raw bytes for byte encodings, else the text an app passes as the key.</summary>
    private static int? KeyBytes(SecretDefinition secret, ComplianceContext context) => secret.Generation.Kind switch
    {
        GenerationKind.Hex or GenerationKind.Base64 or GenerationKind.Base64Url => secret.Generation.Bytes,
        GenerationKind.External => context.Store is { } store && store.Contains(secret.Name)
            && Encoding.UTF8.GetByteCount(store.Reveal(secret.Name)) is var length and > 0
            ? length
            : null, // a missing external value is check 6's finding
        _ => secret.Generation.GeneratedLength,
    };
}
