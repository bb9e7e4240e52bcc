using System.Text.RegularExpressions;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// An AWS KMS key ARN, <c>arn:&lt;partition&gt;:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;id&gt;</c>
/// (or <c>alias/&lt;name&gt;</c>). Configured keys must be ARNs: the region a key lives in is read
/// from its ARN, so every key of a store is asked in its own region.
/// </summary>
internal static partial class AwsKmsArn
{
    /// <summary>True when <paramref name="text"/> is a KMS key or alias ARN; <paramref name="region"/> is its region.</summary>
    public static bool TryParse(string? text, out string region)
    {
        var match = text is null ? null : Pattern().Match(text);
        region = match is { Success: true } ? match.Groups["region"].Value : string.Empty;
        return region.Length > 0;
    }

    /// <summary>The ARN, trimmed, or SECB738 naming where it came from.</summary>
    public static string Require(string text, string source)
    {
        var trimmed = text.Trim();
        return TryParse(trimmed, out _)
            ? trimmed
            : throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.KmsKeyMalformed,
                $"{source} holds '{Shown(trimmed)}', which is not an AWS KMS key ARN.",
                "Give the key's full ARN, as 'aws kms describe-key --key-id <id> --query KeyMetadata.Arn' prints it: arn:aws:kms:<region>:<account>:key/<key id> (or an alias ARN). The region is read from it."));
    }

    // An ARN is not secret, but a value pasted into the wrong setting could be; show only its start.
    private static string Shown(string text) => text.Length <= 12 ? text : text[..12] + "…";

    [GeneratedRegex(@"^arn:aws[a-z-]*:kms:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):[0-9]{12}:(key|alias)/[A-Za-z0-9/_+=,.@:-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
