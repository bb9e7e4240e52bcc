using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>RegenerateSecrets</c>: backs up and throws away the environment's values
/// and generates new ones, only when <see cref="Confirm"/> repeats the environment's name
/// (<see cref="SecretsManager.Regenerate"/>).
/// </summary>
public sealed class RegenerateSecretsTask : SecretsOperationTask
{
    /// <summary>The environment's name typed again (<c>$(SecretsConfirmRegenerate)</c>); anything else refuses.</summary>
    public string? Confirm { get; set; }

    /// <inheritdoc />
    protected override string TargetName => "RegenerateSecrets";

    /// <inheritdoc />
    protected override string OperationDescription => "Regenerating secrets";

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var result = new SecretsManager().Regenerate(
            new RegenerateOptions
            {
                // Regenerating means generating, even where builds may not (production, CI):
                // the confirmation is the explicit consent that SecretsGenerate gives elsewhere.
                Provision = new ProvisionOptions
                {
                    SchemaPath = SchemaPath,
                    WorkspacePath = WorkspacePath,
                    Environment = EnvironmentName,
                    KeyDirectory = KeyDirectoryPath,
                    RotationDaysOverride = RotationDaysOverride,
                    Generate = true,
                    Trigger = "msbuild:" + TargetName,
                    Trust = Trust,
                    KmsKeys = KmsKeys,
                    KmsTimeoutSeconds = KmsTimeoutSeconds,
                },
                Confirm = string.IsNullOrWhiteSpace(Confirm) ? null : Confirm.Trim(),
            },
            cancellationToken);

        if (result.Succeeded && result.Provision is { } provision)
        {
            LogSummary($"'{EnvironmentName}' regenerated: {provision.Generated.Length} generated, {provision.Captured.Length} captured from the environment.");
            if (result.BackupDirectory is not null)
            {
                LogSummary($"  The previous files ({result.BackedUp.Length}) are in {result.BackupDirectory}.");
            }
        }

        return result.Diagnostics;
    }
}
