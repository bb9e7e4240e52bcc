using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>Check 13 (SECB615): production must be opened by a KMS key or age recipients, not only by one shared key.</summary>
public sealed class KmsOrRecipientKeyCheckTests : IDisposable
{
    private static readonly Dictionary<string, string> Production = new() { ["PAYMENT_API_KEY"] = "pk_prod_Qw81Lk0Zx2Mn5Bv7Cd9T" };

    private readonly ComplianceWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_production_store_with_only_its_key_file_fails_naming_the_key()
    {
        _workspace.Provision("production", variables: Production);

        var result = _workspace.Report("production", variables: Production);

        var check = result.AssertStatus(DiagnosticCodes.ComplianceKmsOrRecipientKey, ComplianceStatus.Fail);
        Assert.Equal(ComplianceSeverity.High, check.Severity);
        Assert.Contains("opens only with key ", check.Evidence, StringComparison.Ordinal);
        Assert.Contains("AddSecretsKmsKey", check.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_production_store_with_an_age_recipient_passes_and_a_development_store_passes_without_one()
    {
        _workspace.Provision("production", variables: Production);
        _workspace.Provision("development");
        using var identity = AgeIdentity.Generate("ci");
        var added = new SecretsManager().AddRecipient(new RecipientOptions
        {
            WorkspacePath = _workspace.Workspace,
            Environment = "production",
            Recipient = identity.Recipient.Text,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = Production,
        });
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));

        var production = _workspace.Report("production", variables: Production);
        var development = _workspace.Report("development");

        var check = production.AssertStatus(DiagnosticCodes.ComplianceKmsOrRecipientKey, ComplianceStatus.Pass);
        Assert.Contains($"1 age recipient: age {identity.Recipient.Fingerprint}", check.Evidence, StringComparison.Ordinal);
        var relaxed = development.AssertStatus(DiagnosticCodes.ComplianceKmsOrRecipientKey, ComplianceStatus.Pass);
        Assert.Equal(ComplianceSeverity.Medium, relaxed.Severity);
        Assert.Contains("Only production requires", relaxed.Evidence, StringComparison.Ordinal);
    }
}
