using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 7: every value's GCM tag and the HMAC over store and metadata verify with the environment's key.</summary>
internal sealed class StoreAuthenticityCheck : ComplianceCheck
{
    public override string Id => DiagnosticCodes.ComplianceStoreAuthenticity;

    public override string Title => "The store MAC and the metadata are authentic";

    public override string Source => "NIST SP 800-38D (GCM authentication); RFC 2104 and FIPS 198-1 (HMAC)";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Critical;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        var access = context.Access;
        var files = new[] { access.Paths.StorePath, access.Paths.MetadataPath };
        if (!access.Exists)
        {
            return Skip(context, $"Not checked: {access.DescribeUnavailable()}.", "Build once to provision the environment.");
        }

        if (access.Store is { } store)
        {
            return Pass(context,
                $"Opened with the {store.KeyIds.Count switch { 1 => "key", _ => "keys" }} of {access.OpenedWith!.Source}: every value's AES-GCM tag and the HMAC-SHA256 over store and metadata ({store.Names.Count} secrets) verified.",
                files);
        }

        var problem = access.Problem!;
        // A store whose header cannot be read is damaged whatever the key; with a header, only the
        // right key can tell a tampered store from a key that is merely not this store's.
        var headerUnreadable = access.Keys is null;
        if (!headerUnreadable && (!access.OpenFailed || problem.Code == DiagnosticCodes.WrongKey))
        {
            // Without the right key authenticity cannot be judged either way.
            return Skip(context, $"Not checked: {access.DescribeUnavailable()}.", problem.Fix ?? string.Empty);
        }

        return Result(context, ComplianceStatus.Fail,
            $"{problem.Code}: {problem.Message}",
            problem.Fix ?? "Restore both files from version control; never regenerate them.",
            [problem.Location?.File ?? access.Paths.StorePath]);
    }
}
