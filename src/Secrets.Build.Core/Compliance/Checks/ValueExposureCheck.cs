using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>
/// Check 12: no secret value appears in a tracked file of the repository or in the compose override
/// (which must hold only <c>${VAR}</c> references). git searches the tracked files for the values,
/// which it reads from its standard input: no value is ever written to a file for the search.
/// </summary>
internal sealed class ValueExposureCheck : ComplianceCheck
{
    /// <summary>
    /// Shorter values (a port, "true") would match ordinary text everywhere; generated secrets are far
    /// longer, and external keys too.
    /// </summary>
    public const int MinimumSearchedLength = 8;

    public override string Id => DiagnosticCodes.ComplianceValueExposure;

    public override string Title => "No secret value appears in a tracked file or in the compose override";

    public override string Source => "CWE-798 (Use of Hard-coded Credentials); OWASP Secrets Management Cheat Sheet (detection)";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Critical;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (context.Store is not { } store)
        {
            return Skip(context, $"Not checked: {context.Access.DescribeUnavailable()}.");
        }

        var values = store.Names.Select(store.Reveal)
            .SelectMany(v => v.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(v => v.Length >= MinimumSearchedLength)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var exposed = new List<string>();
        var compose = context.InWorkspace(OutputPaths.ComposeOverride(context.Environment));
        var composeNote = "no compose override";
        if (File.Exists(compose))
        {
            var text = File.ReadAllText(compose);
            composeNote = "the compose override holds no value";
            if (values.Any(v => text.Contains(v, StringComparison.Ordinal)))
            {
                exposed.Add(compose);
            }
        }

        string gitNote;
        if (context.Git is { } git)
        {
            var matches = values.Count == 0 ? [] : git.TrackedFilesContaining(values);
            if (matches is null)
            {
                return Skip(context, "git grep failed, so tracked files could not be searched.");
            }

            exposed.AddRange(matches.Select(m => Path.GetFullPath(Path.Combine(git.TopLevel, m))));
            gitNote = "no tracked file holds one";
        }
        else
        {
            gitNote = $"tracked files not searched: {context.GitUnavailableReason}";
        }

        var searched = $"Searched for {values.Count} values of {MinimumSearchedLength}+ characters";
        if (exposed.Count > 0)
        {
            return Result(context, ComplianceStatus.Fail,
                $"{searched}; found in: {string.Join(", ", exposed)}.",
                "Remove the values from those files (use ${VAR} references or AppSecrets), and rotate every exposed secret: it is in the repository's history.",
                [.. exposed]);
        }

        if (context.Git is null)
        {
            return Skip(context, $"{searched}; {composeNote}; {gitNote}.");
        }

        return Pass(context, $"{searched}: {composeNote}; {gitNote}.", File.Exists(compose) ? [compose] : []);
    }
}
