using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>RotateSecrets</c>: gives the selected secrets new values, keeping the old
/// ones as retired versions (<see cref="SecretsManager.RotateSecrets"/>).
/// </summary>
public sealed class RotateSecretsTask : SecretsOperationTask
{
    /// <summary>What to rotate (<c>$(SecretsRotate)</c>): categories, secret names, <c>due</c> or <c>all</c>, separated by ';' (or ',').</summary>
    public string? Selectors { get; set; }

    /// <summary>The secrets that got a new value.</summary>
    [Microsoft.Build.Framework.Output]
    public string[] Rotated { get; private set; } = [];

    /// <inheritdoc />
    protected override string TargetName => "RotateSecrets";

    /// <inheritdoc />
    protected override string OperationDescription => "Rotating secrets";

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (SelectorList.Length == 0)
        {
            LogMissingProperty(
                "SecretsRotate",
                "Say what to rotate, e.g. -p:SecretsRotate=database_passwords%3Bjwt_secrets (categories; %3B is ';', which the command line would split on), -p:SecretsRotate=JWT_SECRET_KEY (names), -p:SecretsRotate=due or -p:SecretsRotate=all.");
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var result = new SecretsManager().RotateSecrets(
            WithCommon(new RotateOptions { SchemaPath = SchemaPath, Selectors = SelectorList }), cancellationToken);

        Rotated = result.Rotated.Select(secret => secret.Name).ToArray();
        LogSummary($"'{EnvironmentName}': {result.Rotated.Length} secret(s) rotated, {result.Skipped.Length} skipped.");
        foreach (var secret in result.Rotated)
        {
            LogSummary($"  {secret.Name} is now version {secret.Version}, due {secret.NextRotation:yyyy-MM-dd}.");
        }

        LogDebug($"Skipped: {Names(result.Skipped)}. Outputs rewritten: {Names(result.Outputs)}.");
        return result.Diagnostics;
    }

    // ';' is MSBuild's list separator; ',' is accepted too for values set in a project file.
    private string[] SelectorList =>
        (Selectors ?? string.Empty).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
