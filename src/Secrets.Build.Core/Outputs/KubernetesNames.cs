using System.Text;
using System.Text.RegularExpressions;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Outputs;

/// <summary>The object name and label values Kubernetes accepts, derived from the schema's project name.</summary>
internal static partial class KubernetesNames
{
    /// <summary>Kubernetes' limit for a label value.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>
    /// <c>&lt;project&gt;-&lt;env&gt;-secrets</c> as a DNS-1123 label (lower-case letters, digits and '-',
    /// at most 63 characters, so it is also a valid subdomain and fits label selectors).
    /// </summary>
    /// <exception cref="SecretsException">SECB308 when the project name has no letter or digit, or the name would be too long.</exception>
    /// <param name="projectName">The schema's <c>project</c>.</param>
    /// <param name="environment">The environment name.</param>
    /// <param name="location">Where the project name is declared, for the error.</param>
    public static string SecretName(string projectName, string environment, SourceLocation? location = null)
    {
        var name = $"{ToDnsLabel(projectName, "project", location)}-{ToDnsLabel(environment, "environment", location)}-secrets";
        if (name.Length > MaxLabelLength)
        {
            throw Invalid($"The Kubernetes Secret name derived from project '{projectName}' and environment '{environment}' is longer than {MaxLabelLength} characters.",
                "Shorten the \"project\" name in secrets.schema.json.", location);
        }

        return name;
    }

    /// <summary>A label value: the name lower-cased, runs of other characters turned into one '-'.</summary>
    /// <exception cref="SecretsException">SECB308 when nothing usable remains or it is longer than 63 characters.</exception>
    /// <param name="value">The name to convert.</param>
    /// <param name="what">What the name is ("project", "environment"), for the error.</param>
    /// <param name="location">Where the name is declared, for the error.</param>
    public static string ToDnsLabel(string value, string what, SourceLocation? location = null)
    {
        var label = new StringBuilder();
        foreach (var c in (value ?? string.Empty).ToLowerInvariant())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                label.Append(c);
            }
            else if (label.Length > 0 && label[^1] != '-')
            {
                label.Append('-');
            }
        }

        var result = label.ToString().TrimEnd('-');
        if (result.Length == 0 || result.Length > MaxLabelLength || !DnsLabel().IsMatch(result))
        {
            throw Invalid($"The {what} name '{value}' cannot form a Kubernetes name (DNS-1123: lower-case letters, digits and '-', 1 to {MaxLabelLength} characters).",
                $"Give the {what} a name of lower-case letters, digits and '-', e.g. multimodal-stack.", location);
        }

        return result;
    }

    private static SecretsException Invalid(string message, string fix, SourceLocation? location) =>
        new(SecretsDiagnostic.Error(DiagnosticCodes.InvalidKubernetesName, message, fix, location));

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
