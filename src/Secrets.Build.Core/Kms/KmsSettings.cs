using System.Collections.Immutable;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// The KMS keys configured for one environment and the time one call may take. The keys come from
/// the MSBuild property <c>SecretsKmsKeys</c> (<c>;</c>-separated ARNs) or, when it is empty, the
/// variable <c>SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;</c> (one ARN, or <c>,</c>-separated). They wrap
/// the data key of a store created here; an existing store names its own KMS keys in its key list.
/// </summary>
/// <param name="KeyArns">The configured key ARNs, in order, without duplicates.</param>
/// <param name="Timeout">The total time of one KMS call, retries included.</param>
internal sealed record KmsSettings(ImmutableArray<string> KeyArns, TimeSpan Timeout)
{
    /// <summary>No KMS key configured, the default timeout.</summary>
    public static KmsSettings None { get; } = new([], KmsTimeout.Default);

    /// <summary><c>SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;</c>, e.g. <c>SECRETS_BUILD_KMS_KEY_PRODUCTION</c>.</summary>
    public static string VariableFor(string environment) => "SECRETS_BUILD_KMS_KEY_" + KeyVariables.Suffix(environment);

    /// <summary>Reads the configuration; SECB738 for a value that is not a KMS key ARN, SECB737 for a bad timeout.</summary>
    /// <param name="environment">The environment.</param>
    /// <param name="keys">The <c>SecretsKmsKeys</c> property, or null.</param>
    /// <param name="timeoutSeconds">The <c>SecretsKmsTimeoutSeconds</c> property, or null for 15 s.</param>
    /// <param name="variables">The environment variables.</param>
    public static KmsSettings Resolve(string environment, string? keys, string? timeoutSeconds, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var timeout = KmsTimeout.Parse(timeoutSeconds);
        if (!string.IsNullOrWhiteSpace(keys))
        {
            return new KmsSettings(Parse(keys, ';', "The property SecretsKmsKeys"), timeout);
        }

        var variable = VariableFor(environment);
        // Most builds configure no KMS key: they return here, having only looked the variable up.
        return variables.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value)
            ? new KmsSettings(Parse(value, ',', $"The environment variable {variable}"), timeout)
            : timeout == KmsTimeout.Default ? None : None with { Timeout = timeout };
    }

    private static ImmutableArray<string> Parse(string text, char separator, string source) =>
        [.. text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(arn => AwsKmsArn.Require(arn, source))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The AWS KMS key <paramref name="arn"/> as a key source, its calls bounded by <see cref="Timeout"/>; the caller disposes it.</summary>
    public KmsKey CreateKey(string arn) => KmsProviders.Create(AwsKmsKeyWrapProvider.Kind, arn, Timeout);
}
