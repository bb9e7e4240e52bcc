namespace Secrets.Build.Core.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop a build; warnings do not.</summary>
public enum SecretsSeverity
{
    Error,
    Warning,
    Info,
}
