using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>VerifySecretsAudit</c>: a gate that reads the trail and the store, and changes nothing.</summary>
[Collection(PackageCollection.Name)]
public sealed class VerifyAuditTargetTests(PackageFixture package)
{
    [Fact]
    public void Verifying_writes_nothing_and_a_failed_wrong_key_build_leaves_the_trail_verifiable()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("verify-audit");
        var before = workspace.Snapshot();

        var verified = workspace.RunTarget(project, "VerifySecretsAudit");

        LifecycleAssert.Succeeded(verified);
        var summary = Assert.Single(verified.Output.Split('\n'), l => l.Contains("The audit trail of 'development' verifies. Lines verified: ", StringComparison.Ordinal)).Trim();
        // No "report" line, no output, no store save: every file is byte for byte as it was.
        Assert.Equal(before, workspace.Snapshot());

        // A build with someone else's key fails before it can chain anything.
        var trail = Path.Combine(workspace.Directory, "secrets", ".env.development.audit.jsonl");
        var trailBefore = File.ReadAllBytes(trail);
        workspace.Environment["SECRETS_BUILD_KEY_DEVELOPMENT"] = "sbk1:" + Base64Url(RandomNumberGenerator.GetBytes(32));
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Directory, "secrets.schema.json"), DateTime.UtcNow);

        var wrongKeyBuild = workspace.Build(project);
        var wrongKeyVerify = workspace.RunTarget(project, "VerifySecretsAudit");

        Assert.False(wrongKeyBuild.Succeeded, wrongKeyBuild.ToString());
        Assert.Matches(@"error SECB2\d\d", wrongKeyBuild.Output);
        LifecycleAssert.FailedWith(wrongKeyVerify, "SECB406");
        Assert.Contains("could not be verified: SECB2", wrongKeyVerify.Output, StringComparison.Ordinal);
        Assert.Equal(trailBefore, File.ReadAllBytes(trail));

        workspace.Environment.Remove("SECRETS_BUILD_KEY_DEVELOPMENT");
        var again = workspace.RunTarget(project, "VerifySecretsAudit");

        LifecycleAssert.Succeeded(again);
        Assert.Contains(summary, again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_chain_fails_with_SECB406_at_the_file_and_line_of_the_break()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("verify-audit-broken");
        var trail = Path.Combine(workspace.Directory, "secrets", ".env.development.audit.jsonl");
        var lines = File.ReadAllLines(trail);
        Assert.True(lines.Length >= 2, "The template's build writes several audit lines.");
        lines[1] = lines[1].Replace("\"trigger\":\"", "\"trigger\":\"x", StringComparison.Ordinal);
        File.WriteAllText(trail, string.Join('\n', lines) + "\n");

        var result = workspace.RunTarget(project, "VerifySecretsAudit");

        LifecycleAssert.FailedWith(result, "SECB406");
        Assert.True(
            Regex.IsMatch(result.Output, @"\.env\.development\.audit\.jsonl\(2,1[,\d]*\): (Secrets\.Build )?error SECB406: The audit trail of 'development' does not verify: SECB520"),
            result.ToString());
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
