namespace Secrets.Build.Core.Compliance;

/// <summary>The outcome of one compliance check; written in lower case in every report.</summary>
public enum ComplianceStatus
{
    /// <summary>The requirement is met.</summary>
    Pass,
    /// <summary>Met for now, but close to the limit (e.g. 80 % of a rotation period), or met with a documented exception.</summary>
    Warn,
    /// <summary>The requirement is not met.</summary>
    Fail,
    /// <summary>Could not be evaluated here (no key, not a git repository, Windows file modes); left out of the score.</summary>
    Skip,
}
