using System.Text.RegularExpressions;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>AddSecretsRecipient</c>, <c>ListSecretsRecipients</c> and <c>RemoveSecretsRecipient</c>.</summary>
[Collection(PackageCollection.Name)]
public sealed class RecipientTargetsTests(PackageFixture package)
{
    // The example public key from age's documentation: valid, and nobody's secret.
    private const string Recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    [Fact]
    public void Add_lists_and_remove_a_recipient_with_its_comment_and_the_rotation_advice()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("recipients");
        var values = workspace.ReadEnvFile();
        var recipientsFile = Path.Combine(workspace.Directory, "secrets", "recipients.development.txt");

        var missing = workspace.RunTarget(project, "AddSecretsRecipient");
        LifecycleAssert.FailedWith(missing, "SECB405");

        var added = workspace.RunTarget(project, "AddSecretsRecipient;ListSecretsRecipients", "-p:SecretsRecipient=" + Recipient, "-p:SecretsRecipientComment=CI build server");

        LifecycleAssert.Succeeded(added);
        Assert.Contains(Recipient, File.ReadAllText(recipientsFile), StringComparison.Ordinal);
        Assert.Contains("CI build server", File.ReadAllText(recipientsFile), StringComparison.Ordinal);
        Assert.Contains(Recipient + "  # CI build server", added.Output, StringComparison.Ordinal);

        var removed = workspace.RunTarget(project, "RemoveSecretsRecipient;VerifySecretsAudit", "-p:SecretsRecipient=" + Recipient);

        LifecycleAssert.Succeeded(removed);
        Assert.Contains("The audit trail of 'development' verifies.", removed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Recipient, File.ReadAllText(recipientsFile), StringComparison.Ordinal);
        Assert.Contains("warning SECB268", removed.Output, StringComparison.Ordinal);
        Assert.Contains("-t:RotateSecrets -p:SecretsRotate=", removed.Output, StringComparison.Ordinal);
        LifecycleAssert.NoValueIn(added, values);
        LifecycleAssert.NoValueIn(removed, values);
    }

    [Fact]
    public void A_hand_edited_recipients_file_makes_the_next_build_warn_at_its_line()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("recipients-hand-edit");
        var recipientsFile = Path.Combine(workspace.Directory, "secrets", "recipients.development.txt");
        LifecycleAssert.Succeeded(workspace.Build(project));
        File.WriteAllText(recipientsFile, "# Carol (laptop)\n" + Recipient + "\n");

        // Nothing else changed since the build before: the recipients file alone must bring provisioning back.
        var build = workspace.Build(project);

        LifecycleAssert.Succeeded(build);
        Assert.True(
            Regex.IsMatch(build.Output, @"recipients\.development\.txt\(2,1[,\d]*\): (Secrets\.Build )?warning SECB272: .*Carol \(laptop\)"),
            build.ToString());
    }
}
