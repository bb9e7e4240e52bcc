using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>AddSecretsKmsKey</c>, <c>RemoveSecretsKmsKey</c> and <c>ListSecretsKmsKeys</c>:
/// which key management service keys can open the environment's store.
/// </summary>
public sealed class SecretsKmsKeyTask : SecretsOperationTask
{
    /// <summary><c>Add</c>, <c>Remove</c> or <c>List</c>.</summary>
    [Microsoft.Build.Framework.Required]
    public string Operation { get; set; } = string.Empty;

    /// <summary>The KMS key ARN (<c>$(SecretsKmsKey)</c>); not used by List.</summary>
    public string? KmsKey { get; set; }

    /// <summary>Remove only: drop keys not available here while rotating the data key (<c>$(SecretsDropUnavailableKeys)</c>).</summary>
    public bool DropUnavailableKeys { get; set; }

    /// <inheritdoc />
    protected override string TargetName => Operation switch
    {
        "Add" => "AddSecretsKmsKey",
        "Remove" => "RemoveSecretsKmsKey",
        _ => "ListSecretsKmsKeys",
    };

    /// <inheritdoc />
    protected override string OperationDescription => Operation + " KMS key";

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (Operation is not ("Add" or "Remove" or "List"))
        {
            LogInvalidProperty($"The KMS key operation '{Operation}' is not Add, Remove or List.", "Use the AddSecretsKmsKey, RemoveSecretsKmsKey or ListSecretsKmsKeys target.");
            return false;
        }

        if (Operation != "List" && string.IsNullOrWhiteSpace(KmsKey))
        {
            LogMissingProperty("SecretsKmsKey", $"Pass the key's ARN, e.g. dotnet msbuild -t:{TargetName} -p:SecretsKmsKey=arn:aws:kms:eu-west-1:111122223333:key/<key id>.");
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var options = new KmsKeyOptions
        {
            WorkspacePath = ResolvedWorkspacePath,
            Environment = EnvironmentName,
            KeyArn = string.IsNullOrWhiteSpace(KmsKey) ? null : KmsKey.Trim(),
            KeyDirectory = KeyDirectoryPath,
            DropUnavailableKeys = DropUnavailableKeys,
            Trigger = "msbuild:" + TargetName,
            Trust = Trust,
            Kms = Kms,
        };
        var manager = new SecretsManager();
        var result = Operation switch
        {
            "Add" => manager.AddKmsKey(options, cancellationToken),
            "Remove" => manager.RemoveKmsKey(options, cancellationToken),
            _ => manager.ListKmsKeys(options, cancellationToken),
        };

        if (Operation != "List" && result.Succeeded)
        {
            LogSummary(result.Changed
                ? $"'{EnvironmentName}': {Operation.ToLowerInvariant()} done; commit {result.StorePath}."
                : $"'{EnvironmentName}': nothing to change.");
        }

        LogSummary($"Keys that open '{EnvironmentName}' ({result.StorePath}):");
        foreach (var key in result.KmsKeys)
        {
            LogSummary("  aws-kms " + key);
        }

        foreach (var key in result.OtherKeys)
        {
            LogSummary("  " + key);
        }

        if (result.SecretsToRotate.Length > 0)
        {
            LogSummary($"  Rotate what the removed key's users could read: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={string.Join("%3B", result.SecretsToRotate)}");
        }

        return result.Diagnostics;
    }
}
