namespace Secrets.Build.Core.Diagnostics;

// The tamper-evident audit trail: SECB516-SECB519 and SECB520-SECB529. A lock timeout on the trail is the shared
// SECB249 (LockTimeout), since the trail uses the same cross-process lock as the store.
internal static partial class DiagnosticCodes
{
    /// <summary>An audit line's MAC does not match: the line was edited, forged or moved.</summary>
    public const string AuditLineTampered = "SECB520";

    /// <summary>The audit sequence skips numbers: lines were deleted (or reordered).</summary>
    public const string AuditLinesMissing = "SECB521";

    /// <summary>The audit sequence repeats or goes back: a line was copied, inserted or reordered.</summary>
    public const string AuditOutOfOrder = "SECB522";

    /// <summary>An audit line is not valid UTF-8, not JSON, or lacks a required field.</summary>
    public const string AuditMalformedLine = "SECB523";

    /// <summary>The last audit line ends without a newline: the file was cut off.</summary>
    public const string AuditTruncatedLine = "SECB524";

    /// <summary>An audit line is longer than any line this tool writes; refused before parsing.</summary>
    public const string AuditLineTooLong = "SECB525";

    /// <summary>The trail was written with a different chain key than the one given.</summary>
    public const string AuditWrongKey = "SECB526";

    /// <summary>A rolled-over audit file is missing, so the chain between files is broken.</summary>
    public const string AuditRolledFileMissing = "SECB527";

    /// <summary>An audit file could not be read or written (permissions, disk full).</summary>
    public const string AuditIoFailed = "SECB528";

    /// <summary>The trail ends before the head recorded elsewhere: lines were removed from its end.</summary>
    public const string AuditHeadMismatch = "SECB529";

    // Verifying a trail as an operation (VerifyAudit): SECB516-SECB519.

    /// <summary>The environment has no store, so there is no chain key to verify its audit trail with.</summary>
    public const string AuditNoStore = "SECB516";

    /// <summary>Warning: the store exists but its audit trail is missing or empty, so nothing was verified.</summary>
    public const string AuditTrailMissing = "SECB517";
}
