using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 6: no external secret is missing or empty; critical in production, where an empty key breaks the service.</summary>
internal sealed class ExternalSecretsCheck : ComplianceCheck
{
    public override string Id => DiagnosticCodes.ComplianceExternalSecrets;

    public override string Title => "No external secret is missing or empty";

    public override string Source => "OWASP Secrets Management Cheat Sheet (secret lifecycle: provisioning)";

    public override ComplianceSeverity SeverityFor(string environment) =>
        environment == "production" ? ComplianceSeverity.Critical : ComplianceSeverity.Medium;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        var externals = context.Schema.Secrets.Where(s => s.IsExternal).ToList();
        if (externals.Count == 0)
        {
            return Pass(context, "The schema declares no external secret.");
        }

        if (context.Store is not { } store)
        {
            return Skip(context, $"{externals.Count} external secrets declared, not checked: {context.Access.DescribeUnavailable()}.");
        }

        var missing = externals.Where(s => !store.Contains(s.Name)).Select(s => $"{s.Name} (not in the store)")
            .Concat(externals.Where(s => store.Contains(s.Name) && string.IsNullOrWhiteSpace(store.Reveal(s.Name))).Select(s => $"{s.Name} (empty)"))
            .ToList();
        if (missing.Count == 0)
        {
            return Pass(context, $"Every external secret has a value ({externals.Count}): {string.Join(", ", externals.Select(s => s.Name))}.", context.Paths.StorePath);
        }

        return Result(context, ComplianceStatus.Fail,
            $"{missing.Count} of {externals.Count} external secrets have no value: {string.Join(", ", missing)}.",
            "Set each one as an environment variable of the same name (from your provider or CI secret store) and build again, so the store captures it.",
            [context.Paths.StorePath]);
    }
}
