using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>
/// Check 13: a KMS key or an age recipient protects production. A store that opens only with a
/// symmetric key or passphrase needs that one secret copied to every person and build server; a KMS
/// key (the build server's cloud identity) or a recipient per person and server gives each its own
/// access, revocable alone. Required in production; elsewhere it passes with what the store has.
/// </summary>
internal sealed class KmsOrRecipientKeyCheck : ComplianceCheck
{
    public override string Id => DiagnosticCodes.ComplianceKmsOrRecipientKey;

    public override string Title => "A KMS or recipient key protects production";

    public override string Source => "NIST SP 800-57 Part 1 Rev. 5 section 6.1.1 (key distribution); OWASP Secrets Management Cheat Sheet (use a key management service)";

    public override ComplianceSeverity SeverityFor(string environment) =>
        environment == "production" ? ComplianceSeverity.High : ComplianceSeverity.Medium;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (context.Store is not { } store)
        {
            // The key list is trusted only once the store MAC verified it.
            return Skip(context, $"Not checked: {context.Access.DescribeUnavailable()}.");
        }

        var kms = store.KmsKeyIds.Select(k => $"{k.Kind} {k.KeyId}").ToList();
        var recipients = store.Recipients.Select(r => $"age {r.Fingerprint}").ToList();
        if (kms.Count > 0 || recipients.Count > 0)
        {
            return Pass(context, $"The store opens with {Count(kms.Count, "KMS key")} and {Count(recipients.Count, "age recipient")}: {string.Join(", ", kms.Concat(recipients))}.");
        }

        var keys = string.Join(", ", store.KeyIds);
        if (!context.Production)
        {
            return Pass(context, $"Only production requires a KMS key or an age recipient; this store opens with {keys}.");
        }

        return Result(context, ComplianceStatus.Fail,
            $"The production store opens only with {keys}: one secret that every person and build server must hold a copy of.",
            "Add a KMS key for the build servers (dotnet msbuild -t:AddSecretsKmsKey -p:SecretsEnvironment=production -p:SecretsKmsKey=arn:aws:kms:…) " +
            "or an age recipient for each person and server (-t:AddSecretsRecipient), then rotate the shared key away (-t:RotateSecretsKey).",
            [store.Paths.StorePath]);
    }

    private static string Count(int count, string what) => count == 1 ? $"1 {what}" : $"{count} {what}s";
}
