using System.Globalization;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// The generation a pipeline pins: <c>SecretsMinimumGeneration</c> or
/// <c>SECRETS_BUILD_MIN_GENERATION_&lt;ENV&gt;</c>. A machine's trust record starts with whatever
/// it first sees; a build server on a fresh clone has seen nothing, so this is how it refuses
/// a store older than the one the pipeline knows was released.
/// </summary>
internal static class MinimumGeneration
{
    public const string VariablePrefix = "SECRETS_BUILD_MIN_GENERATION_";

    public static string VariableFor(string environment) => VariablePrefix + KeyVariables.Suffix(environment);

    /// <summary>The higher of the two settings; 0 when neither is set.</summary>
    /// <exception cref="SecretsException">SECB706 when one is set to anything but a whole number of 1 or more.</exception>
    public static int From(TrustOptions options, IReadOnlyDictionary<string, string> variables, StorePaths paths)
    {
        var variable = VariableFor(paths.Environment);
        var fromProperty = Parse(options.MinimumGeneration, "SecretsMinimumGeneration", paths);
        var fromVariable = Parse(variables.TryGetValue(variable, out var text) ? text : null, variable, paths);
        return Math.Max(fromProperty, fromVariable);
    }

    private static int Parse(string? text, string source, StorePaths paths)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return 0;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var generation) && generation >= 1
            ? generation
            : throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.InvalidMinimumGeneration,
                $"{source} is '{text.Trim()}', which is not a generation: the minimum for environment '{paths.Environment}' must be a whole number of 1 or more.",
                $"Set it to the \"generation\" of {paths.StorePath} that the pipeline must see at least, or leave it empty.",
                SourceLocation.ForFile(paths.StorePath)));
    }
}
