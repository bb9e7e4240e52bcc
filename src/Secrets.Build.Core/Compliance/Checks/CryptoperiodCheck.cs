using System.Globalization;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>
/// Check 11: the store's data key is within its cryptoperiod. NIST SP 800-57 Part 1 Rev. 5 table 1
/// gives a symmetric data-encryption key an originator-usage period of up to 2 years. The store
/// records no creation time for its data key: after a key rotation the latest <c>retiredAt</c> of
/// its retired keys dates the current data key (the rotation made it); before any rotation the
/// earliest <c>createdAt</c> in the metadata stands for it (the data key is made with the store,
/// before its first value).
/// </summary>
internal sealed class CryptoperiodCheck : ComplianceCheck
{
    /// <summary>The originator-usage period of table 1, in days (2 years).</summary>
    public const int CryptoperiodDays = 730;

    public override string Id => DiagnosticCodes.ComplianceCryptoperiod;

    public override string Title => "The data key is within its cryptoperiod (2 years)";

    public override string Source => "NIST SP 800-57 Part 1 Rev. 5 section 5.3.6 and table 1 (symmetric data-encryption key)";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Medium;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (context.Store is not { } store)
        {
            return Skip(context, $"Not checked: {context.Access.DescribeUnavailable()}.");
        }

        if (store.Names.Count == 0 && store.RetiredKeyIds.Count == 0)
        {
            return Skip(context, "The store holds no secret yet, so nothing dates its data key.");
        }

        var rotations = store.RetiredKeyIds.Select(k => k.RetiredAt).ToList();
        var created = rotations.Count > 0 ? rotations.Max() : store.Names.Select(n => store.GetMetadata(n).CreatedAt).Min();
        var dated = rotations.Count > 0
            ? $"the last key rotation ({Day(created)}) made it"
            : $"the earliest createdAt in {context.Paths.MetadataPath} ({Day(created)}) stands for it";
        var age = context.Now - created;
        var fraction = age.TotalDays / CryptoperiodDays;
        var evidence =
            $"The store records no creation time for its data key; {dated}: " +
            $"{age.TotalDays.ToString("F0", CultureInfo.InvariantCulture)} days of a {CryptoperiodDays}-day cryptoperiod ({fraction.ToString("P0", CultureInfo.InvariantCulture)}).";
        var fix = $"Rotate the environment's data key: dotnet msbuild -t:RotateSecretsKey -p:SecretsEnvironment={context.Environment} (re-encrypts every value under a new key).";
        if (fraction >= 1)
        {
            return Result(context, ComplianceStatus.Fail, evidence, fix, [context.Paths.StorePath]);
        }

        if (fraction >= RotationCheck.WarnAt)
        {
            return Result(context, ComplianceStatus.Warn, evidence, fix, [context.Paths.StorePath]);
        }

        return Pass(context, evidence, context.Paths.StorePath, context.Paths.MetadataPath);
    }

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
