using Secrets.Build.Core.Compliance;

namespace Secrets.Build.Core.Tests.Compliance;

internal static class ComplianceAssertions
{
    public static ComplianceCheckResult Check(this ReportResult result, string id) => result.Checks.Single(c => c.Id == id);

    public static ComplianceCheckResult AssertStatus(this ReportResult result, string id, ComplianceStatus status)
    {
        var check = result.Check(id);
        Assert.True(check.Status == status, $"{id} is {check.Status}, expected {status}: {check.Evidence}");
        return check;
    }
}
