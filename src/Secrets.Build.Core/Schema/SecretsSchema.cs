using System;
using System.Collections.Immutable;

namespace Secrets.Build.Core.Schema;

/// <summary>
/// The parsed <c>secrets.schema.json</c>: the declarations every other part works from.
/// Immutable; produced only by <see cref="SchemaParser"/>.
/// </summary>
/// <param name="ProjectName">Names the Kubernetes Secret and the store; lower-case DNS label.</param>
/// <param name="Environments">Lower-case environment names, e.g. development, staging, production.</param>
/// <param name="RotationPolicies">Days per category, defaults merged with the file's entries.</param>
/// <param name="MinimumEntropyBits">The strength every generated secret must reach (default 128).</param>
/// <param name="Secrets">The declarations in file order.</param>
/// <param name="SourcePath">The file it was read from, for diagnostics.</param>
internal sealed record SecretsSchema(
    string ProjectName,
    ImmutableArray<string> Environments,
    ImmutableArray<RotationPolicy> RotationPolicies,
    int MinimumEntropyBits,
    ImmutableArray<SecretDefinition> Secrets,
    string? SourcePath)
{
    /// <summary>The rotation period of a secret: its override, else its category's policy.</summary>
    public int RotationDaysFor(SecretDefinition secret)
    {
        if (secret.RotationDays is { } days)
        {
            return days;
        }

        foreach (var policy in RotationPolicies)
        {
            if (string.Equals(policy.Category, secret.Category, StringComparison.Ordinal))
            {
                return policy.Days;
            }
        }

        return SchemaDefaults.FallbackRotationDays;
    }
}
