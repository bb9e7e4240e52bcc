using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Tests.Compliance;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>The compliance report on a production store that only AWS KMS (moto) opens.</summary>
[Collection(MotoKmsCollection.Name)]
public sealed class KmsComplianceTests(MotoKmsFixture moto) : IDisposable
{
    private static readonly Dictionary<string, string> Production = new() { ["PAYMENT_API_KEY"] = "pk_prod_Hy72Lk0Zx2Mn5Bv7Cd3P" };

    private readonly ComplianceWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [MotoFact]
    public void A_kms_only_production_store_is_opened_by_the_report_and_counts_as_off_machine_and_protected()
    {
        var arn = moto.CreateKey().Arn;
        var provisioned = new SecretsManager().Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            Environment = "production",
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = Production,
            KmsKeys = arn,
        });
        Assert.True(provisioned.Succeeded, string.Join("\n", provisioned.Diagnostics));

        var result = _workspace.Report("production", variables: Production);

        var placement = result.AssertStatus(DiagnosticCodes.ComplianceKeyMaterial, ComplianceStatus.Pass);
        Assert.Contains($"aws-kms key {arn}", placement.Evidence, StringComparison.Ordinal);
        Assert.Contains("off-machine", placement.Evidence, StringComparison.Ordinal);
        var protectedBy = result.AssertStatus(DiagnosticCodes.ComplianceKmsOrRecipientKey, ComplianceStatus.Pass);
        Assert.Contains($"1 KMS key and 0 age recipients: aws-kms {arn}", protectedBy.Evidence, StringComparison.Ordinal);
        // The store was opened, so the checks that need its values ran too.
        result.AssertStatus(DiagnosticCodes.ComplianceStoreAuthenticity, ComplianceStatus.Pass);
    }
}
