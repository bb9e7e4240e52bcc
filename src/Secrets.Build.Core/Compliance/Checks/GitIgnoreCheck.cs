using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 2: plaintext outputs and key files are ignored by git and not tracked.</summary>
internal sealed class GitIgnoreCheck : ComplianceCheck
{
    public override string Id => Diagnostics.DiagnosticCodes.ComplianceGitIgnore;

    public override string Title => "Plaintext outputs and keys are gitignored and not tracked";

    public override string Source => "OWASP Secrets Management Cheat Sheet (secrets in source control); CWE-540 (Inclusion of Sensitive Information in Source Code)";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Critical;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (context.Git is not { } git)
        {
            return Skip(context, $"Not checked: {context.GitUnavailableReason}.");
        }

        var paths = OutputPaths.PlaintextOutputs(context.Environment).Select(context.InWorkspace).ToList();
        if (context.Access.Keys?.KeyFilePath is { } keyFile && git.Contains(keyFile))
        {
            paths.Add(keyFile);
        }

        var tracked = paths.Where(git.IsTracked).ToList();
        var notIgnored = paths.Except(tracked).Where(p => !git.IsIgnored(p)).ToList();
        if (tracked.Count == 0 && notIgnored.Count == 0)
        {
            return Pass(context, $"git ignores and does not track: {string.Join(", ", paths)}.", [.. paths]);
        }

        var evidence = new List<string>();
        var fixes = new List<string>();
        if (tracked.Count > 0)
        {
            evidence.Add($"tracked by git: {string.Join(", ", tracked)}");
            fixes.Add($"untrack with: git rm --cached {string.Join(" ", tracked.Select(p => $"'{p}'"))}, commit, and rotate every secret those files held (they are in the history)");
        }

        if (notIgnored.Count > 0)
        {
            evidence.Add($"not ignored by git: {string.Join(", ", notIgnored)}");
            fixes.Add("add them to .gitignore (a build writes the Secrets.Build block; check that no later '!' rule re-includes them)");
        }

        return Result(context, ComplianceStatus.Fail, string.Join("; ", evidence) + ".", string.Join("; ", fixes) + ".", [.. tracked.Concat(notIgnored)]);
    }
}
