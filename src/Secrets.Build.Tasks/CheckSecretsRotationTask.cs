using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind the daily <c>_SecretsCheckRotation</c> target: reports secrets due soon
/// (SECB501) or overdue (SECB502) from the plaintext metadata alone, so a build that skipped
/// provisioning still says so (<see cref="SecretsManager.CheckRotation"/>). Needs no key.
/// </summary>
public sealed class CheckSecretsRotationTask : SecretsOperationTask
{
    /// <summary>Whether an overdue secret fails the build (<c>$(SecretsEnforceRotation)</c>).</summary>
    public bool EnforceRotation { get; set; }

    /// <inheritdoc />
    protected override string TargetName => "_SecretsCheckRotation";

    /// <inheritdoc />
    protected override string OperationDescription => "Checking rotation dates";

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var result = new SecretsManager().CheckRotation(
            WithCommon(new CheckRotationOptions { SchemaPath = SchemaPath, EnforceRotation = EnforceRotation }),
            cancellationToken);

        LogDebug($"Rotation of '{EnvironmentName}': " + string.Join(", ", result.Statuses.Select(s => $"{s.Name} {s.State} (due {s.Due:yyyy-MM-dd})")) + ".");
        return result.Diagnostics;
    }
}
