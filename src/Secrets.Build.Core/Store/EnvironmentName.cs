using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Store;

/// <summary>
/// The environment's name as files spell it. Here, below the outputs, because the store's own
/// file names are made from it too.
/// </summary>
internal static class EnvironmentName
{
    /// <summary>
    /// The lower-cased environment name, checked so that it can only ever name a file in the
    /// workspace (no separators, no <c>..</c>).
    /// </summary>
    /// <exception cref="SecretsException">SECB307 when the name is empty or holds other characters than <c>a-z 0-9 _ -</c>.</exception>
    public static string Normalize(string environment)
    {
        var lower = (environment ?? string.Empty).Trim().ToLowerInvariant();
        if (lower.Length == 0 || !IsFileNamePart(lower))
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.InvalidEnvironmentName,
                $"The environment name '{environment}' cannot be part of a file name.",
                "Use letters, digits, '-' and '_' only, e.g. development, staging, production."));
        }

        return lower;
    }

    // A loop, not Enumerable.All: LINQ over char is generic code no ReadyToRun image holds.
    private static bool IsFileNamePart(string lower)
    {
        foreach (var c in lower)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
