namespace Secrets.Build.Core.Diagnostics;

internal static partial class DiagnosticCodes
{
    /// <summary>SECB001: a value was requested for an external secret, which only the user supplies.</summary>
    public const string GenerationExternal = "SECB001";

    /// <summary>SECB002: a generation rule cannot produce a value (no length, fewer than two distinct characters, outside its declared length bounds).</summary>
    public const string GenerationRuleInvalid = "SECB002";
}
