namespace Secrets.Build.Core.Diagnostics;

internal static partial class DiagnosticCodes
{
    /// <summary>A secret is due for rotation within the warning window.</summary>
    public const string RotationDueSoon = "SECB501";
    /// <summary>A secret is past its rotation date.</summary>
    public const string RotationOverdue = "SECB502";
    /// <summary>A rotation request names no known category or secret.</summary>
    public const string RotationUnknownSelector = "SECB503";
    /// <summary>An external secret was asked to rotate; only its owner can.</summary>
    public const string RotationExternal = "SECB504";
}
