namespace Secrets.Build.Core.Diagnostics;

/// <summary>How serious a diagnostic is. Errors stop a build; warnings do not.</summary>
public enum SecretsSeverity
{
    /// <summary>Stops the build or the operation; nothing was written.</summary>
    Error,

    /// <summary>Worth acting on; the operation went ahead.</summary>
    Warning,

    /// <summary>For the record only.</summary>
    Info,
}
