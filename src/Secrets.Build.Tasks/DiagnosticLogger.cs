using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Tasks;

/// <summary>
/// Turns Core's <see cref="SecretsDiagnostic"/> into MSBuild errors and warnings, keeping the
/// SECB code, the file and position (so IDEs and CI annotate the right line) and the fix.
/// </summary>
internal sealed class DiagnosticLogger
{
    private const string Subcategory = "Secrets.Build";

    private readonly TaskLoggingHelper _log;
    private readonly IBuildEngine _engine;

    public DiagnosticLogger(TaskLoggingHelper log, IBuildEngine engine)
    {
        _log = log;
        _engine = engine;
    }

    public void Log(SecretsDiagnostic diagnostic)
    {
        var location = diagnostic.Location;

        // A diagnostic without a file is about the build itself (a property, the machine):
        // point at the project file and the task's line, as MSBuild does for its own errors.
        var file = location?.File ?? _engine.ProjectFileOfTaskNode;
        var line = location?.File is null ? _engine.LineNumberOfTaskNode : location.Line;
        var column = location?.File is null ? _engine.ColumnNumberOfTaskNode : location.Column;
        var endLine = location?.EndLine ?? 0;
        var endColumn = location?.EndColumn ?? 0;
        var message = diagnostic.FullMessage;

        switch (diagnostic.Severity)
        {
            case SecretsSeverity.Error:
                _log.LogError(Subcategory, diagnostic.Code, DiagnosticCodes.HelpLink, file, line, column, endLine, endColumn, message);
                break;
            case SecretsSeverity.Warning:
                _log.LogWarning(Subcategory, diagnostic.Code, DiagnosticCodes.HelpLink, file, line, column, endLine, endColumn, message);
                break;
            default:
                _log.LogMessage(Subcategory, diagnostic.Code, DiagnosticCodes.HelpLink, file, line, column, endLine, endColumn, MessageImportance.Normal, message);
                break;
        }
    }

    public void LogError(string code, string message, string fix, string? file = null) =>
        Log(SecretsDiagnostic.Error(code, message, fix, file is null ? null : SourceLocation.ForFile(file)));
}
