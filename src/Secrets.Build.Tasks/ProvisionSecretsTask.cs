using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind the <c>ProvisionSecrets</c> target: translates the <c>Secrets*</c> MSBuild
/// properties into <see cref="ProvisionOptions"/>, runs <see cref="SecretsManager.Provision"/>
/// and records the run for the target's incremental check. The shared properties, their checks,
/// cancellation and the exception policy come from <see cref="SecretsOperationTask"/>.
/// It logs names and paths only, never a value.
/// </summary>
public sealed class ProvisionSecretsTask : SecretsOperationTask
{
    private StartupTiming? _timing;
    private bool? _enforceRotation;
    private ProvisionResult? _result;

    /// <summary>Whether missing values may be generated (<c>$(SecretsGenerate)</c>).</summary>
    public bool Generate { get; set; } = true;

    /// <summary>
    /// Whether an overdue secret fails the build (<c>$(SecretsEnforceRotation)</c>, true for production
    /// by default); empty leaves it to Core, which enforces for production only.
    /// </summary>
    public string? EnforceRotation { get; set; }

    /// <summary>
    /// The target's stamp (<c>$(_SecretsStampFile)</c>): after a successful run it lists the store,
    /// the metadata and the outputs, and its time marks the target up to date. Empty writes none.
    /// </summary>
    public string? StampFile { get; set; }

    /// <summary>Where the names of the external secrets' variables go for the next build's check; empty writes none.</summary>
    public string? ExternalNamesFile { get; set; }

    /// <summary>Today's rotation-check stamp, touched after a successful run (provisioning checks rotation); empty touches none.</summary>
    public string? RotationStampFile { get; set; }

    /// <summary>Rotation-check stamps of earlier days, deleted with <see cref="RotationStampFile"/>'s touch.</summary>
    public ITaskItem[] StaleRotationStampFiles { get; set; } = [];

    /// <summary>The plaintext outputs written or confirmed (.env, compose override, Kubernetes manifest).</summary>
    [Output]
    public ITaskItem[] WrittenFiles { get; private set; } = [];

    /// <summary>The encrypted store. Reported so the target can watch it, never so clean can delete it.</summary>
    [Output]
    public string StoreFile { get; private set; } = string.Empty;

    /// <summary>The metadata file beside the store.</summary>
    [Output]
    public string MetadataFile { get; private set; } = string.Empty;

    /// <summary>
    /// The environment variables external secrets are read from. The target reruns provisioning
    /// whenever one of them is set, since a changed value leaves no trace it could compare.
    /// </summary>
    [Output]
    public string[] ExternalVariables { get; private set; } = [];

    /// <inheritdoc />
    protected override string TargetName => "ProvisionSecrets";

    /// <inheritdoc />
    protected override string OperationDescription => "Provisioning";

    /// <inheritdoc />
    protected override string SchemaNotFoundFix =>
        "Add a secrets.schema.json at or above the project folder, point SecretsSchemaFile at it, or set SecretsEnabled=false.";

    /// <inheritdoc />
    protected override string CancelledMessage => "provisioning cancelled.";

    /// <inheritdoc />
    protected override void Starting() => _timing = Debug ? StartupTiming.Start() : null;

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (string.IsNullOrWhiteSpace(EnforceRotation))
        {
            return true;
        }

        if (!bool.TryParse(EnforceRotation.Trim(), out var enforce))
        {
            LogInvalidProperty(
                $"SecretsEnforceRotation is '{EnforceRotation}', which is not true or false.",
                "Set it to true (overdue secrets fail the build) or false (they only warn), or leave it empty for the default.");
            return false;
        }

        _enforceRotation = enforce;
        return true;
    }

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var options = WithCommon(new ProvisionOptions { SchemaPath = SchemaPath, Generate = Generate, EnforceRotation = _enforceRotation });

        LogDebug($"Provisioning '{options.Environment}' from '{options.SchemaPath}' into '{options.WorkspacePath}'; " +
                 $"generate={options.Generate}, rotation override={options.RotationDaysOverride?.ToString(CultureInfo.InvariantCulture) ?? "none"}, " +
                 $"key directory='{options.KeyDirectory ?? "(per-user default)"}'.");

        var result = new SecretsManager().Provision(options, cancellationToken);
        _result = result;
        StoreFile = result.StorePath;
        MetadataFile = result.MetadataPath;
        var written = new ITaskItem[result.Outputs.Length];
        for (var i = 0; i < written.Length; i++)
        {
            written[i] = new TaskItem(result.Outputs[i]);
        }

        WrittenFiles = written;
        ExternalVariables = [.. result.ExternalSecrets];
        return result.Diagnostics;
    }

    /// <inheritdoc />
    protected override void Completed()
    {
        var result = _result!;
        if (!Log.HasLoggedErrors)
        {
            WriteStamps(result);
        }

        LogProvisionSummary(result);
        if (result.KeySource.Length > 0)
        {
            LogDebug($"The store was opened with the {result.KeySource}.");
        }

        if (_timing is not null)
        {
            LogDebug(_timing.Describe());
            LogDebug(_timing.DescribeMemory());
        }
    }

    /// <summary>The provisioning error code stays its own (SECB), so build logs and docs that name it still match.</summary>
    protected override SecretsDiagnostic UnexpectedFailure(Exception exception) =>
        SecretsDiagnostic.Error(
            DiagnosticCodes.ProvisionFailed,
            $"Provisioning '{EnvironmentName}' failed unexpectedly: {exception.GetType().FullName}: {exception.Message}",
            "Build again with -p:SecretsDebug=true for the stack trace and report it if it persists.",
            SourceLocation.ForFile(SchemaPath));

    /// <summary>Records the successful run for the target's incremental check (see <see cref="ProvisionStamps"/>).</summary>
    private void WriteStamps(ProvisionResult result)
    {
        var path = string.Empty;
        try
        {
            if (!string.IsNullOrEmpty(ExternalNamesFile))
            {
                path = ExternalNamesFile;
                ProvisionStamps.WriteIfChanged(path, ExternalVariables);
            }

            if (!string.IsNullOrEmpty(StampFile))
            {
                path = StampFile;
                var lines = new List<string>(2 + result.Outputs.Length) { result.StorePath, result.MetadataPath };
                foreach (var output in result.Outputs)
                {
                    lines.Add(Path.GetFullPath(output));
                }

                ProvisionStamps.WriteStamp(path, lines);
            }

            if (!string.IsNullOrEmpty(RotationStampFile))
            {
                path = RotationStampFile;
                var earlier = new List<string>(StaleRotationStampFiles.Length);
                foreach (var stale in StaleRotationStampFiles)
                {
                    earlier.Add(stale.ItemSpec);
                }

                ProvisionStamps.MarkRotationChecked(path, earlier);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Diagnostics.LogError(
                DiagnosticCodes.WriteFailed,
                $"Provisioning succeeded, but the build's record of it could not be written to '{path}': {ex.Message}",
                "Check that the project's obj/ folder is writable by the user running the build, then build again.",
                path);
        }
    }

    private void LogProvisionSummary(ProvisionResult result)
    {
        Log.LogMessage(
            Debug ? MessageImportance.High : MessageImportance.Normal,
            "Secrets.Build: '{0}' provisioned: {1} generated, {2} captured from the environment, {3} output file(s).",
            EnvironmentName,
            result.Generated.Length,
            result.Captured.Length,
            result.Outputs.Length);

        LogDebug($"Generated: {Names(result.Generated)}. Captured: {Names(result.Captured)}.");
        LogDebug($"Store: '{result.StorePath}'. Metadata: '{result.MetadataPath}'.");
        foreach (var output in result.Outputs)
        {
            LogDebug($"Output: '{output}'.");
        }
    }
}
