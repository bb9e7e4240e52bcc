using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Build.Framework;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Tasks;

/// <summary>
/// What every Secrets.Build task shares: the same <c>Secrets*</c> properties, the same checks on
/// them, cancellation, one exception policy and one way to report Core's diagnostics.
/// A derived task only builds its options and calls its <see cref="SecretsManager"/> method.
/// The tasks log names and paths only, never a value.
/// </summary>
public abstract class SecretsOperationTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The <c>secrets.schema.json</c> to read (<c>$(SecretsSchemaFile)</c>).</summary>
    [Required]
    public string SchemaFile { get; set; } = string.Empty;

    /// <summary>The environment to work on (<c>$(SecretsEnvironment)</c>), case-insensitive.</summary>
    [Required]
    public string Environment { get; set; } = string.Empty;

    /// <summary>Where <c>secrets/</c> and the outputs live (<c>$(SecretsWorkspace)</c>); empty means the schema's folder.</summary>
    public string? Workspace { get; set; }

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
    /// <summary>Move outputs Secrets.Build did not write to <c>secrets/backup/</c> instead of refusing (<c>$(SecretsReplaceForeignOutputs)</c>).</summary>
    public bool ReplaceForeignOutputs { get; set; }

    /// <summary>The KMS keys that wrap a store created by the run (<c>$(SecretsKmsKeys)</c>, <c>;</c>-separated ARNs).</summary>
    public string? KmsKeys { get; set; }

    /// <summary>The total time of one KMS call, 1 to 15 s (<c>$(SecretsKmsTimeoutSeconds)</c>).</summary>
    public string? KmsTimeoutSeconds { get; set; }

    /// <summary>The target that runs the task, recorded as the audit trail's trigger.</summary>
    protected abstract string TargetName { get; }

    /// <summary>What the task does, for the unexpected-failure message ("Rotating secrets").</summary>
    protected abstract string OperationDescription { get; }

    /// <summary>The full schema path, checked to exist before <see cref="Run"/> is called.</summary>
    protected string SchemaPath { get; private set; } = string.Empty;

    /// <summary>The trimmed environment name.</summary>
    protected string EnvironmentName => Environment.Trim();

    /// <summary>The full workspace path, or null for the schema's folder.</summary>
    protected string? WorkspacePath => string.IsNullOrWhiteSpace(Workspace) ? null : Path.GetFullPath(Workspace);

    /// <summary>The workspace folder itself: Core's APIs that take no schema need it spelled out.</summary>
    protected string ResolvedWorkspacePath => WorkspacePath ?? Path.GetDirectoryName(SchemaPath)!;

    /// <summary>The full key folder path, or null for the per-user default.</summary>
    protected string? KeyDirectoryPath => string.IsNullOrWhiteSpace(KeyDirectory) ? null : Path.GetFullPath(KeyDirectory);

    /// <summary>What this run accepts beyond the machine's trust record, and the generation it requires.</summary>
    protected TrustOptions Trust => new() { AcceptRollback = AcceptRollback, MinimumGeneration = MinimumGeneration };

    /// <summary>The parsed <see cref="RotationDays"/>, once <see cref="Execute"/> has validated it.</summary>
    protected int? RotationDaysOverride { get; private set; }

    /// <summary>What the schema-not-found error tells the user to do.</summary>
    protected virtual string SchemaNotFoundFix =>
        "Add a secrets.schema.json at or above the project folder or point SecretsSchemaFile at it.";

    /// <summary>The line logged when the build is cancelled during the operation.</summary>
    protected virtual string CancelledMessage => TargetName + " cancelled.";

    /// <summary>The diagnostics sink for this run.</summary>
    private protected DiagnosticLogger Diagnostics { get; private set; } = null!;

    /// <inheritdoc />
    public void Cancel() => _cancellation.Cancel();

    /// <inheritdoc />
    public sealed override bool Execute()
    {
        Starting();
        Diagnostics = new DiagnosticLogger(Log, BuildEngine);
        if (!ValidateCommonProperties() || !ValidateProperties())
        {
            return false;
        }

        try
        {
            var diagnostics = Run(_cancellation.Token);
            foreach (var diagnostic in diagnostics)
            {
                Diagnostics.Log(diagnostic);
            }
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Core writes atomically under a lock: a cancelled operation leaves the old files intact.
            Log.LogMessage(MessageImportance.High, "Secrets.Build: {0}", CancelledMessage);
            return false;
        }
        catch (SecretsException ex)
        {
            foreach (var diagnostic in ex.Diagnostics)
            {
                Diagnostics.Log(diagnostic);
            }

            return false;
        }
        catch (Exception ex)
        {
            // Core reports user mistakes as diagnostics, so this is a bug or a broken machine
            // (e.g. libsodium could not load). One clear error instead of a task crash; the stack
            // only on request, since it helps a bug report but not the person building.
            // Exception messages from Core never hold values.
            Diagnostics.Log(UnexpectedFailure(ex));
            LogDebug(ex.ToString());
            return false;
        }

        Completed();
        return !Log.HasLoggedErrors;
    }

    /// <summary>Called first thing in <see cref="Execute"/>, before any property is checked.</summary>
    protected virtual void Starting()
    {
    }

    /// <summary>Called after <see cref="Run"/> returned and its diagnostics were logged.</summary>
    protected virtual void Completed()
    {
    }

    /// <summary>The error for an exception Core did not turn into a diagnostic.</summary>
    protected virtual SecretsDiagnostic UnexpectedFailure(Exception exception) =>
        SecretsDiagnostic.Error(
            DiagnosticCodes.OperationFailed,
            $"{OperationDescription} for '{EnvironmentName}' failed unexpectedly: {exception.GetType().FullName}: {exception.Message}",
            "Run the target again with -p:SecretsDebug=true for the stack trace and report it if it persists.",
            SourceLocation.ForFile(SchemaPath));

    /// <summary>Checks the task's own properties; logs an error (SECB402/SECB404) and returns false when one is unusable.</summary>
    protected virtual bool ValidateProperties() => true;

    /// <summary>Runs the operation and returns its diagnostics for the base class to log.</summary>
    protected abstract ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken);

    /// <summary>Logs an error for a required property left empty.</summary>
    protected void LogMissingProperty(string property, string fix) =>
        Diagnostics.LogError(
            DiagnosticCodes.RequiredBuildPropertyMissing,
            $"The {TargetName} target needs {property}, which is empty.",
            fix);

    /// <summary>Logs an error for a property whose value cannot be used.</summary>
    protected void LogInvalidProperty(string message, string fix) =>
        Diagnostics.LogError(DiagnosticCodes.InvalidBuildProperty, message, fix);

    /// <summary>A result line, shown at high importance: the person who ran the target asked for it.</summary>
    protected void LogSummary(string message) =>
        Log.LogMessage(MessageImportance.High, "Secrets.Build: {0}", message);

    /// <summary>Details only shown with <c>SecretsDebug=true</c>. Names and paths only.</summary>
    protected void LogDebug(string message)
    {
        if (Debug)
        {
            Log.LogMessage(MessageImportance.High, "Secrets.Build: {0}", message);
        }
    }

    /// <summary>Names joined for a log line, or "none".</summary>
    protected static string Names(IEnumerable<string> names)
    {
        var joined = string.Join(", ", names);
        return joined.Length == 0 ? "none" : joined;
    }

    private bool ValidateCommonProperties()
    {
        SchemaPath = Path.GetFullPath(SchemaFile);
        if (!File.Exists(SchemaPath))
        {
            Diagnostics.LogError(
                DiagnosticCodes.SchemaFileNotFound,
                $"The secrets schema '{SchemaPath}' does not exist.",
                SchemaNotFoundFix);
            return false;
        }

        if (string.IsNullOrWhiteSpace(Environment))
        {
            LogInvalidProperty(
                "SecretsEnvironment is empty.",
                "Set SecretsEnvironment (or SECRETS_ENVIRONMENT) to one of the schema's environments, e.g. development.");
            return false;
        }

        if (!string.IsNullOrWhiteSpace(RotationDays))
        {
            if (!int.TryParse(RotationDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days <= 0)
            {
                LogInvalidProperty(
                    $"SecretsRotationDays (or SECRET_ROTATION_DAYS) is '{RotationDays}', which is not a whole number of days.",
                    "Set it to a positive whole number such as 90, or leave it empty to use the schema's rotation policies.");
                return false;
            }

            RotationDaysOverride = days;
        }

        return true;
    }

    /// <summary>
    /// Fills what every operation's options share from the task's properties, and for the
    /// operations that read the schema also the rotation override and foreign outputs.
    /// </summary>
    protected T WithCommon<T>(T options) where T : OperationOptions
    {
        var common = options with
        {
            WorkspacePath = ResolvedWorkspacePath,
            Environment = EnvironmentName,
            KeyDirectory = KeyDirectoryPath,
            Trigger = "msbuild:" + TargetName,
            Trust = Trust,
            KmsKeys = KmsKeys,
            KmsTimeoutSeconds = KmsTimeoutSeconds,
        };

        // 'with' on the base copies the runtime type, so the cast back always holds.
        return common is LifecycleOptions lifecycle
            ? (T)(object)(lifecycle with { RotationDaysOverride = RotationDaysOverride, ReplaceForeignOutputs = ReplaceForeignOutputs })
            : common;
    }
}
