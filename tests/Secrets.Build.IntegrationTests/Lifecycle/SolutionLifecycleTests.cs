using System.Text.RegularExpressions;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary>
/// Lifecycle targets run on a solution (.sln and .slnx), or on a multi-targeting project, act once per
/// workspace and environment per invocation: every project reports the one run and exits 0.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class SolutionLifecycleTests(PackageFixture package)
{
    // The example public key from age's documentation: valid, and nobody's secret.
    private const string Recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    [Fact]
    public void RotateSecrets_on_a_two_project_slnx_with_m_rotates_once_and_keeps_the_value_in_use_as_previous()
    {
        var workspace = new TestWorkspace(package, "slnx-rotate");
        workspace.WriteSchema();
        var solution = Solution(workspace, "All.slnx", workspace.AddProject("Api"), workspace.AddProject("Worker"));
        LifecycleAssert.Succeeded(workspace.Build(solution));
        var before = workspace.ReadEnvFile();

        var rotate = workspace.RunTarget(solution, "RotateSecrets", "-m", "-p:SecretsRotate=database_passwords");

        LifecycleAssert.Succeeded(rotate);
        var after = workspace.ReadEnvFile();
        Assert.NotEqual(before["DATABASE_PASSWORD"], after["DATABASE_PASSWORD"]);
        Assert.Equal(before["DATABASE_PASSWORD"], after["DATABASE_PASSWORD__PREVIOUS"]);
        Assert.Single(RotatedLine().Matches(LifecycleAssert.AuditTrail(workspace)));
        Assert.Equal(2, DoneLine().Matches(rotate.Output).Count);
        LifecycleAssert.NoValueIn(rotate, before, after);
    }

    [Fact]
    public void Key_rotation_and_recipient_removal_on_a_two_project_sln_act_once()
    {
        var workspace = new TestWorkspace(package, "sln-key");
        workspace.WriteSchema();
        var projects = new[] { workspace.AddProject("Api"), workspace.AddProject("Worker") };
        LifecycleAssert.Succeeded(workspace.DotNet("new", "sln", "-n", "All", "--format", "sln"));
        LifecycleAssert.Succeeded(workspace.DotNet(["sln", "All.sln", "add", .. projects]));
        var solution = Path.Combine(workspace.Directory, "All.sln");
        LifecycleAssert.Succeeded(workspace.Build(solution));

        var key = workspace.RunTarget(solution, "RotateSecretsKey");
        var add = workspace.RunTarget(solution, "AddSecretsRecipient", "-p:SecretsRecipient=" + Recipient);
        var remove = workspace.RunTarget(solution, "RemoveSecretsRecipient", "-p:SecretsRecipient=" + Recipient);

        LifecycleAssert.Succeeded(key);
        LifecycleAssert.Succeeded(add);
        LifecycleAssert.Succeeded(remove);
        Assert.DoesNotContain("SECB267", remove.Output, StringComparison.Ordinal);
        var audit = LifecycleAssert.AuditTrail(workspace);
        // RemoveSecretsRecipient rotates the data key too: one rotation for each command, not one per project.
        Assert.Equal(2, Regex.Matches(audit, "\"event\":\"key-rotated\"").Count);
        Assert.Single(Regex.Matches(audit, "\"event\":\"recipient-removed\""));
    }

    [Fact]
    public void RotateSecrets_on_a_multi_targeting_project_rotates_once()
    {
        var workspace = new TestWorkspace(package, "multi-target-rotate");
        workspace.WriteSchema();
        var project = workspace.AddProject("App", "net9.0;net10.0");
        LifecycleAssert.Succeeded(workspace.Build(project));
        var before = workspace.ReadEnvFile();

        var rotate = workspace.RunTarget(project, "RotateSecrets", "-p:SecretsRotate=SIGNING_KEY");

        LifecycleAssert.Succeeded(rotate);
        Assert.Equal(before["SIGNING_KEY"], workspace.ReadEnvFile()["SIGNING_KEY__PREVIOUS"]);
        Assert.Single(Regex.Matches(LifecycleAssert.AuditTrail(workspace), "\"event\":\"rotated\",\"secret\":\"SIGNING_KEY\""));
    }

    private static string Solution(TestWorkspace workspace, string name, params string[] projects)
    {
        var path = Path.Combine(workspace.Directory, name);
        File.WriteAllText(path, "<Solution>\n" + string.Concat(projects.Select(p =>
            $"  <Project Path=\"{Path.GetRelativePath(workspace.Directory, p)}\" />\n")) + "</Solution>\n");
        return path;
    }

    [GeneratedRegex("\"event\":\"rotated\",\"secret\":\"DATABASE_PASSWORD\"")]
    private static partial Regex RotatedLine();

    [GeneratedRegex(@"Secrets\.Build: RotateSecrets for 'development' in .* is done")]
    private static partial Regex DoneLine();
}
