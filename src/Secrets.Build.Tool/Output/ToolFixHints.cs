using System.Text.RegularExpressions;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Tool.Output;

/// <summary>
/// Core's fix texts name the MSBuild properties a build takes; where the tool has its own option
/// for the same thing, the tool's name for it is appended, so the fix can be typed as shown.
/// MSBuild users keep seeing Core's text unchanged.
/// </summary>
internal static partial class ToolFixHints
{
    private const string Marker = "(With secrets-build: ";

    public static SecretsDiagnostic ForTool(SecretsDiagnostic diagnostic)
    {
        if (diagnostic.Fix is not { Length: > 0 } fix || fix.Contains(Marker, StringComparison.Ordinal))
        {
            return diagnostic;
        }

        var hints = new List<string>();
        if (AcceptRollback().Match(fix) is { Success: true } accept)
        {
            hints.Add($"--accept-rollback {accept.Groups[1].Value}");
        }

        if (fix.Contains("SecretsMinimumGeneration", StringComparison.Ordinal))
        {
            hints.Add("--min-generation N");
        }

        if (ConfirmRegenerate().Match(fix) is { Success: true } regenerate)
        {
            hints.Add($"secrets-build regenerate --confirm {regenerate.Groups[1].Value}");
        }

        return hints.Count == 0 ? diagnostic : diagnostic with { Fix = $"{fix} {Marker}{string.Join("; ", hints)}.)" };
    }

    [GeneratedRegex(@"-p:SecretsAcceptRollback=([A-Za-z0-9_.-]*[A-Za-z0-9_-])")]
    private static partial Regex AcceptRollback();

    [GeneratedRegex(@"-p:SecretsConfirmRegenerate=([A-Za-z0-9_.-]*[A-Za-z0-9_-])")]
    private static partial Regex ConfirmRegenerate();
}
