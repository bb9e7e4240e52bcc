using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Compliance.Writers;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Compliance;

/// <summary>
/// One report: schema, lock, open the stores read-only, run every check, score, write the three files,
/// append a <c>report</c> audit event. Every user mistake ends as a diagnostic in the result.
/// </summary>
internal sealed class ComplianceRun
{
    private readonly ReportOptions _options;
    private readonly IReadOnlyDictionary<string, int> _categoryOverrides;
    private readonly List<SecretsDiagnostic> _diagnostics = new();

    public ComplianceRun(ReportOptions options, IReadOnlyDictionary<string, int> categoryOverrides)
    {
        _options = options;
        _categoryOverrides = categoryOverrides;
    }

    public ReportResult Execute(CancellationToken cancellationToken)
    {
        if (_options.MinimumScore is < 0 or > 100)
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ComplianceInvalidOptions,
                $"The minimum compliance score is {_options.MinimumScore}; a score is 0 to 100.",
                "Set SecretsMinimumScore to a number from 0 to 100, or leave it empty to only report the score."));
            return Result();
        }

        var loaded = SchemaFile.Load(_options.SchemaPath);
        _diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Schema is not { } schema)
        {
            return Result();
        }

        var environment = _options.Environment.Trim().ToLowerInvariant();
        if (!schema.Environments.Contains(environment))
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.UnknownEnvironment,
                $"Environment '{_options.Environment}' is not declared in the schema (it declares {string.Join(", ", schema.Environments)}).",
                "Set SecretsEnvironment (or SECRETS_ENVIRONMENT) to a declared environment, or add it to \"environments\" in the schema.",
                SourceLocation.ForFile(schema.SourcePath)));
            return Result();
        }

        try
        {
            return Report(schema, environment, cancellationToken);
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return Result();
        }
    }

    private ReportResult Report(SecretsSchema schema, string environment, CancellationToken cancellationToken)
    {
        var workspace = Path.GetFullPath(_options.WorkspacePath ?? Path.GetDirectoryName(Path.GetFullPath(_options.SchemaPath))!);
        var variables = _options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        var paths = StorePaths.ForWorkspace(workspace, environment);
        var rotation = new RotationPolicyEvaluator(schema, _options.RotationDaysOverride, _categoryOverrides);

        var secretsDirectoryMode = Directory.Exists(paths.SecretsDirectory) ? FileModes.Read(paths.SecretsDirectory) : null;
        ImmutableArray<ComplianceCheckResult> checks;
        // Held while reading, so a build saving the store at the same time cannot show the report a
        // new store next to old metadata (which would look like tampering).
        using (var held = Directory.Exists(paths.SecretsDirectory) ? WorkspaceLock.Acquire(paths.LockPath, cancellationToken) : null)
        {
            // Read under the lock, as every writer does: a time from before the wait could be older
            // than a rotation saved meanwhile.
            var now = _options.Clock.GetUtcNow();
            using var context = new ComplianceContext(schema, workspace, environment, _options.KeyDirectory, variables, rotation, now, secretsDirectoryMode, (_options.KmsSettings(variables) ?? Kms.KmsSettings.None).Timeout);
            checks = [.. ComplianceChecks.All.Select(check => Evaluate(check, context))];
            var score = ComplianceScore.Compute(checks);
            var report = new ComplianceReport(schema.ProjectName, environment, workspace, now, AuditEvent.CurrentToolVersion, score, checks);
            var written = _options.WriteReports ? Write(report, paths) : ImmutableArray<string>.Empty;
            AddCheckDiagnostics(report);
            if (context.Store is { } store)
            {
                RecordAudit(store, score);
            }

            return Result() with { Environment = environment, Score = score, Checks = checks, WrittenFiles = written };
        }
    }

    private static ComplianceCheckResult Evaluate(ComplianceCheck check, ComplianceContext context)
    {
        try
        {
            return check.Evaluate(context);
        }
        catch (SecretsException ex)
        {
            var first = ex.Diagnostics[0];
            return new ComplianceCheckResult(check.Id, check.Title, check.SeverityFor(context.Environment), ComplianceStatus.Fail,
                $"{first.Code}: {first.Message}", first.Fix ?? string.Empty, check.Source,
                first.Location?.File is { } file ? [file] : []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ComplianceCheckResult(check.Id, check.Title, check.SeverityFor(context.Environment), ComplianceStatus.Skip,
                $"Not checked, a file could not be read: {ex.Message}", "Give the user running the report read access to the workspace and key folder.",
                check.Source, []);
        }
    }

    private ImmutableArray<string> Write(ComplianceReport report, StorePaths paths)
    {
        var files = new (string Path, Func<ComplianceReport, string> Render)[]
        {
            (ReportPaths.Json(paths.SecretsDirectory, report.Environment), ComplianceJsonWriter.Render),
            (ReportPaths.Markdown(paths.SecretsDirectory, report.Environment), ComplianceMarkdownWriter.Render),
            (ReportPaths.Sarif(paths.SecretsDirectory, report.Environment), ComplianceSarifWriter.Render),
        };
        var written = ImmutableArray.CreateBuilder<string>();
        try
        {
            FileModes.EnsurePrivateDirectory(paths.SecretsDirectory);
            // Local findings of this machine: never committed, like the audit trail.
            Outputs.GitIgnoreFile.Ensure(report.Workspace, [$"{StorePaths.SecretsFolderName}/.env.{report.Environment}.compliance.*"]);
            foreach (var (path, render) in files)
            {
                AtomicFile.WriteText(path, render(report));
                written.Add(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ComplianceWriteFailed,
                $"Could not write the compliance report in {paths.SecretsDirectory}: {ex.Message}",
                "Check that the secrets/ folder is writable by the user running the report, then run it again.",
                SourceLocation.ForFile(paths.SecretsDirectory)));
        }

        return written.ToImmutable();
    }

    private void AddCheckDiagnostics(ComplianceReport report)
    {
        foreach (var check in report.Checks.Where(c => c.Status == ComplianceStatus.Fail))
        {
            _diagnostics.Add(SecretsDiagnostic.Warning(check.Id,
                $"Compliance check failed ({ComplianceNames.Of(check.Severity)}): {check.Title}. {check.Evidence}",
                check.Fix,
                check.Files.Count > 0 ? SourceLocation.ForFile(check.Files[0]) : null));
        }

        if (_options.MinimumScore is { } minimum && report.Score < minimum)
        {
            var failed = report.Checks.Where(c => c.Status is ComplianceStatus.Fail or ComplianceStatus.Warn).Select(c => c.Id);
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ComplianceScoreBelowMinimum,
                $"The compliance score of environment '{report.Environment}' is {report.Score}, below the required {minimum} (not passing: {string.Join(", ", failed)}).",
                $"Fix the checks reported above (details in {ReportPaths.Markdown(StorePaths.SecretsFolderName, report.Environment)}), or lower SecretsMinimumScore.",
                SourceLocation.ForFile(ReportPaths.Json(Path.Combine(report.Workspace, StorePaths.SecretsFolderName), report.Environment))));
        }
    }

    private void RecordAudit(SecretStore store, int score)
    {
        var below = _options.MinimumScore is { } minimum && score < minimum;
        try
        {
            var auditEvent = AuditEvent.Now(AuditEventKind.Report, _options.Trigger, _options.Clock) with
            {
                Code = below ? DiagnosticCodes.ComplianceScoreBelowMinimum : null,
            };
            // Chained like every operation's lines: under this machine's chain key, against its recorded head.
            StoreAuditChain.Append(store, [auditEvent]);
        }
        catch (SecretsException ex)
        {
            // A damaged trail is already check 8's finding; the report itself stands.
            _diagnostics.AddRange(ex.Diagnostics.Select(d => d with { Severity = SecretsSeverity.Warning }));
        }
    }

    private ReportResult Result() => new() { Diagnostics = [.. _diagnostics] };
}
