using System.Globalization;
using Secrets.Build.Core.CheckTrust;
using Secrets.Build.Core;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Trust;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Doctor;

/// <summary>
/// This machine's trust record (beside the key files): whether it exists, and per environment the
/// highest generation it saw against the generation the store has now. Nothing is written.
/// </summary>
internal static class TrustChecks
{
    public static List<Finding> Run(ToolSettings settings, SecretsSchema schema, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        string? recordPath = null;
        foreach (var environment in schema.Environments)
        {
            var options = settings.Apply(new CheckTrustOptions { SchemaPath = settings.Schema }, "doctor") with { Environment = environment };
            var result = new SecretsManager().CheckTrust(options, cancellationToken);
            recordPath ??= result.RecordPath;
            findings.Add(Environment(environment, result));
        }

        findings.Insert(0, Record(recordPath));
        return findings;
    }

    private static Finding Record(string? path) =>
        path is null
            ? Finding.Problem("trust record", "none: the key folder is inside the workspace, so this machine remembers no generation and cannot detect a rolled-back store",
                "Keep keys in the per-user folder (unset --key-dir / SECRETS_BUILD_KEY_DIR), or pin the generation with --min-generation / SECRETS_BUILD_MIN_GENERATION_<ENV>.", blocking: false)
            : Finding.Pass("trust record", Directory.Exists(path) ? path : $"not written yet ({path}); the first build or command that opens a store writes it");

    private static Finding Environment(string environment, CheckTrustResult result)
    {
        var check = $"trust ({environment})";
        if (result.Diagnostics.FirstOrDefault(d => d.Severity == Core.Diagnostics.SecretsSeverity.Error) is { } error)
        {
            // The doctor's report adds the tool's option names to the fix (ToolFixHints).
            return Finding.Problem(check, $"{error.Code}: {error.Message}", error.Fix ?? string.Empty, blocking: true);
        }

        var seen = result.LastSeenGeneration is { } last ? "last generation seen here " + last.ToString(CultureInfo.InvariantCulture) : "no generation seen here yet";
        var now = result.Generation is { } generation ? "; the store is generation " + generation.ToString(CultureInfo.InvariantCulture) : "; no store";
        return Finding.Pass(check, seen + now);
    }
}
