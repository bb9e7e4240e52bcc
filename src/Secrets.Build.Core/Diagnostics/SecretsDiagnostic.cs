namespace Secrets.Build.Core.Diagnostics;

/// <summary>
/// One user-facing problem: a stable <c>SECB</c> code, what is wrong, where, and how to fix it.
/// Messages never contain a secret value.
/// </summary>
public sealed record SecretsDiagnostic(
    string Code,
    SecretsSeverity Severity,
    string Message,
    string? Fix,
    SourceLocation? Location)
{
    /// <summary>An error: <paramref name="code"/> (SECB…), the problem, its fix, and where it is.</summary>
    internal static SecretsDiagnostic Error(string code, string message, string? fix, SourceLocation? location = null) =>
        new(code, SecretsSeverity.Error, message, fix, location);

    /// <summary>A warning: <paramref name="code"/> (SECB…), the problem, its fix, and where it is.</summary>
    internal static SecretsDiagnostic Warning(string code, string message, string? fix, SourceLocation? location = null) =>
        new(code, SecretsSeverity.Warning, message, fix, location);

    /// <summary>Message and fix in one line, as a build log shows them.</summary>
    public string FullMessage => string.IsNullOrEmpty(Fix) ? Message : $"{Message} Fix: {Fix}";

    /// <summary>The canonical one-line form: <c>file(line,col): error SECB101: message Fix: ...</c>.</summary>
    public override string ToString()
    {
        var where = Location?.ToString();
        var severity = Severity switch
        {
            SecretsSeverity.Error => "error",
            SecretsSeverity.Warning => "warning",
            _ => "info",
        };
        var prefix = string.IsNullOrEmpty(where) ? string.Empty : where + ": ";
        return $"{prefix}{severity} {Code}: {FullMessage}";
    }
}
