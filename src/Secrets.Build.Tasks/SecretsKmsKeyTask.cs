using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>AddSecretsKmsKey</c>, <c>RemoveSecretsKmsKey</c> and <c>ListSecretsKmsKeys</c>:
/// which key management service keys can open the environment's store.
/// </summary>
public sealed class SecretsKmsKeyTask : SecretsAccessTask
{
    /// <summary>The KMS key ARN (<c>$(SecretsKmsKey)</c>); not used by List.</summary>
    public string? KmsKey { get; set; }

    /// <inheritdoc />
    protected override string OperationDescription => Operation + " KMS key";

    private protected override string Party => "KmsKey";

    private protected override string ListTarget => "ListSecretsKmsKeys";

    private protected override (string Property, string? Value, string Fix) PartyProperty =>
        ("SecretsKmsKey", KmsKey, $"Pass the key's ARN, e.g. dotnet msbuild -t:{TargetName} -p:SecretsKmsKey=arn:aws:kms:eu-west-1:111122223333:key/<key id>.");

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var options = WithCommon(new KmsKeyOptions
        {
            KeyArn = string.IsNullOrWhiteSpace(KmsKey) ? null : KmsKey.Trim(),
            DropUnavailableKeys = DropUnavailableKeys,
        });
        var manager = new SecretsManager();
        var result = Operation switch
        {
            "Add" => manager.AddKmsKey(options, cancellationToken),
            "Remove" => manager.RemoveKmsKey(options, cancellationToken),
            _ => manager.ListKmsKeys(options, cancellationToken),
        };

        if (result.Succeeded)
        {
            LogChange(result.Changed, $"commit {result.StorePath}");
        }

        LogKeys($"Keys that open '{EnvironmentName}' ({result.StorePath}):",
            result.KmsKeys.Select(key => "aws-kms " + key), result.OtherKeys, result.SecretsToRotate, "the removed key's users");

        return result.Diagnostics;
    }
}
