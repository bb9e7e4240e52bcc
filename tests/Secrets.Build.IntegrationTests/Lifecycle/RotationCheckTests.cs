using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary>
/// Issue 5: a no-op build must not hide due dates for more than a day. Provisioning checks them
/// when it runs; a skipped provisioning is followed by a metadata-only check once per day.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class RotationCheckTests(PackageFixture package)
{
    private const string RotationCheckSkipped = "Skipping target \"_SecretsCheckRotation\" because all output files are up-to-date";

    [Fact]
    public void A_skipped_provisioning_still_reports_due_secrets_once_a_day()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("rotation-check");
        // A one-day period puts every secret inside the 14-day announcement window (SECB501).
        workspace.Environment["SECRET_ROTATION_DAYS"] = "1";

        var first = workspace.Build(project, "-v:n");
        LifecycleAssert.Succeeded(first);
        Assert.Contains("warning SECB501", first.Output, StringComparison.Ordinal);

        // Same day, nothing changed: provisioning and the check are both skipped, and say so.
        var sameDay = workspace.DotNet("build", project, "--no-restore", "-nodeReuse:false", "-v:d");
        LifecycleAssert.Succeeded(sameDay);
        Assert.Contains("Skipping target \"ProvisionSecrets\"", sameDay.Output, StringComparison.Ordinal);
        Assert.Contains(RotationCheckSkipped, sameDay.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECB501", sameDay.Output, StringComparison.Ordinal);

        // The next day: provisioning is still up to date, but the daily check runs and warns again.
        var nextDay = workspace.DotNet("build", project, "--no-restore", "-nodeReuse:false", "-v:d", "-p:_SecretsToday=2999-01-01");
        LifecycleAssert.Succeeded(nextDay);
        Assert.Contains("Skipping target \"ProvisionSecrets\"", nextDay.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(RotationCheckSkipped, nextDay.Output, StringComparison.Ordinal);
        Assert.Contains("warning SECB501", nextDay.Output, StringComparison.Ordinal);
        var stamps = Directory.GetFiles(Path.Combine(Path.GetDirectoryName(project)!, "obj", "secrets"), "rotation.development.*.stamp");
        Assert.Equal("rotation.development.2999-01-01.stamp", Path.GetFileName(Assert.Single(stamps)));

        var invalid = workspace.DotNet("build", project, "--no-restore", "-nodeReuse:false", "-p:SecretsEnforceRotation=sometimes");
        LifecycleAssert.FailedWith(invalid, "SECB402");
    }
}
