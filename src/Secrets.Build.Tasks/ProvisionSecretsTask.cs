using System.Globalization;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind the <c>ProvisionSecrets</c> target: translates the <c>Secrets*</c> MSBuild
/// properties into <see cref="ProvisionOptions"/>, runs <see cref="SecretsManager.Provision"/>
/// and reports its diagnostics. It logs names and paths only, never a value.
/// </summary>
public sealed class ProvisionSecretsTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The <c>secrets.schema.json</c> to read (<c>$(SecretsSchemaFile)</c>).</summary>
    [Required]
    public string SchemaFile { get; set; } = string.Empty;

    /// <summary>The environment to provision (<c>$(SecretsEnvironment)</c>), case-insensitive.</summary>
    [Required]
    public string Environment { get; set; } = string.Empty;

    /// <summary>Where <c>secrets/</c> and the outputs live (<c>$(SecretsWorkspace)</c>); empty means the schema's folder.</summary>
    public string? Workspace { get; set; }

    /// <summary>Whether missing values may be generated (<c>$(SecretsGenerate)</c>).</summary>
    public bool Generate { get; set; } = true;

    /// <summary>Move outputs Secrets.Build did not write to <c>secrets/backup/</c> instead of refusing (<c>$(SecretsReplaceForeignOutputs)</c>).</summary>
    public bool ReplaceForeignOutputs { get; set; }

    /// <summary>Days that override every category's rotation period (<c>$(SecretsRotationDays)</c>); empty keeps the schema's.</summary>
    public string? RotationDays { get; set; }

    /// <summary>Where key files live (<c>$(SecretsKeyDirectory)</c>); empty means the per-user config folder.</summary>
    public string? KeyDirectory { get; set; }

    /// <summary>Detailed messages at high importance (<c>$(SecretsDebug)</c>). Names and paths only.</summary>
    public bool Debug { get; set; }

    /// <summary>The environment's name typed again (<c>$(SecretsAcceptRollback)</c>) to accept an older or replaced store once (SECB700, SECB701).</summary>
    public string? AcceptRollback { get; set; }

    /// <summary>The lowest store generation accepted (<c>$(SecretsMinimumGeneration)</c>); empty for none.</summary>
    public string? MinimumGeneration { get; set; }

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
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public override bool Execute()
    {
        var timing = Debug ? StartupTiming.Start() : null;
        var diagnostics = new DiagnosticLogger(Log, BuildEngine);
        if (!TryCreateOptions(diagnostics, out var options))
        {
            return false;
        }

        LogDebug($"Provisioning '{options.Environment}' from '{options.SchemaPath}' into '{options.WorkspacePath ?? "(schema folder)"}'; " +
                 $"generate={options.Generate}, rotation override={options.RotationDaysOverride?.ToString(CultureInfo.InvariantCulture) ?? "none"}, " +
                 $"key directory='{options.KeyDirectory ?? "(per-user default)"}'.");

        ProvisionResult result;
        try
        {
            result = new SecretsManager().Provision(options, _cancellation.Token);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // The user pressed Ctrl+C; Core's atomic writes mean nothing was left half-written.
            Log.LogMessage(MessageImportance.High, "Secrets.Build: provisioning cancelled.");
            return false;
        }
        catch (SecretsException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                diagnostics.Log(diagnostic);
            }

            return false;
        }
        catch (Exception ex)
        {
            // Core reports user mistakes as diagnostics, so this is a bug or a broken machine
            // (e.g. libsodium could not load). One clear error instead of a task crash; the stack
            // only on request, since it helps a bug report but not the person building.
            diagnostics.LogError(
                DiagnosticCodes.ProvisionFailed,
                $"Provisioning '{options.Environment}' failed unexpectedly: {ex.GetType().FullName}: {ex.Message}",
                "Build again with -p:SecretsDebug=true for the stack trace and report it if it persists.",
                options.SchemaPath);
            LogDebug(ex.ToString());
            return false;
        }

        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Log(diagnostic);
        }

        StoreFile = result.StorePath;
        MetadataFile = result.MetadataPath;
        var written = new ITaskItem[result.Outputs.Length];
        for (var i = 0; i < written.Length; i++)
        {
            written[i] = new TaskItem(result.Outputs[i]);
        }

        WrittenFiles = written;
        ExternalVariables = [.. result.ExternalSecrets];
        if (!Log.HasLoggedErrors)
        {
            WriteStamps(diagnostics, result);
        }

        LogSummary(options, result);
        if (timing is not null)
        {
            LogDebug(timing.Describe());
            LogDebug(timing.DescribeMemory());
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>Records the successful run for the target's incremental check (see <see cref="ProvisionStamps"/>).</summary>
    private void WriteStamps(DiagnosticLogger diagnostics, ProvisionResult result)
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
            diagnostics.LogError(
                DiagnosticCodes.WriteFailed,
                $"Provisioning succeeded, but the build's record of it could not be written to '{path}': {ex.Message}",
                "Check that the project's obj/ folder is writable by the user running the build, then build again.",
                path);
        }
    }

    private bool TryCreateOptions(DiagnosticLogger diagnostics, out ProvisionOptions options)
    {
        options = null!;
        var schemaPath = Path.GetFullPath(SchemaFile);
        if (!File.Exists(schemaPath))
        {
            diagnostics.LogError(
                DiagnosticCodes.SchemaFileNotFound,
                $"The secrets schema '{schemaPath}' does not exist.",
                "Add a secrets.schema.json at or above the project folder, point SecretsSchemaFile at it, or set SecretsEnabled=false.");
            return false;
        }

        int? rotationDays = null;
        if (!string.IsNullOrWhiteSpace(RotationDays))
        {
            if (!int.TryParse(RotationDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days <= 0)
            {
                diagnostics.LogError(
                    DiagnosticCodes.InvalidBuildProperty,
                    $"SecretsRotationDays (or SECRET_ROTATION_DAYS) is '{RotationDays}', which is not a whole number of days.",
                    "Set it to a positive whole number such as 90, or leave it empty to use the schema's rotation policies.");
                return false;
            }

            rotationDays = days;
        }

        bool? enforceRotation = null;
        if (!string.IsNullOrWhiteSpace(EnforceRotation))
        {
            if (!bool.TryParse(EnforceRotation.Trim(), out var enforce))
            {
                diagnostics.LogError(
                    DiagnosticCodes.InvalidBuildProperty,
                    $"SecretsEnforceRotation is '{EnforceRotation}', which is not true or false.",
                    "Set it to true (overdue secrets fail the build) or false (they only warn), or leave it empty for the default.");
                return false;
            }

            enforceRotation = enforce;
        }

        if (string.IsNullOrWhiteSpace(Environment))
        {
            diagnostics.LogError(
                DiagnosticCodes.InvalidBuildProperty,
                "SecretsEnvironment is empty.",
                "Set SecretsEnvironment (or SECRETS_ENVIRONMENT) to one of the schema's environments, e.g. development.");
            return false;
        }

        options = new ProvisionOptions
        {
            SchemaPath = schemaPath,
            WorkspacePath = string.IsNullOrWhiteSpace(Workspace) ? null : Path.GetFullPath(Workspace),
            Environment = Environment.Trim(),
            Generate = Generate,
            ReplaceForeignOutputs = ReplaceForeignOutputs,
            RotationDaysOverride = rotationDays,
            KeyDirectory = string.IsNullOrWhiteSpace(KeyDirectory) ? null : Path.GetFullPath(KeyDirectory),
            EnforceRotation = enforceRotation,
            Trigger = "msbuild:ProvisionSecrets",
            Trust = new TrustOptions { AcceptRollback = AcceptRollback, MinimumGeneration = MinimumGeneration },
        };
        return true;
    }

    private void LogSummary(ProvisionOptions options, ProvisionResult result)
    {
        Log.LogMessage(
            Debug ? MessageImportance.High : MessageImportance.Normal,
            "Secrets.Build: '{0}' provisioned: {1} generated, {2} captured from the environment, {3} output file(s).",
            options.Environment,
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

    private static string Names(IEnumerable<string> names)
    {
        var joined = string.Join(", ", names);
        return joined.Length == 0 ? "none" : joined;
    }

    private void LogDebug(string message)
    {
        if (Debug)
        {
            Log.LogMessage(MessageImportance.High, "Secrets.Build: {0}", message);
        }
    }
}
