namespace Secrets.Build.Core.Compliance;

/// <summary>How much a check weighs in the score; written in lower case in every report.</summary>
public enum ComplianceSeverity
{
    /// <summary>A failure exposes or loses secrets directly. Weight 10.</summary>
    Critical,
    /// <summary>A failure weakens a main protection. Weight 5.</summary>
    High,
    /// <summary>A failure is a hygiene or policy gap. Weight 2.</summary>
    Medium,
}
