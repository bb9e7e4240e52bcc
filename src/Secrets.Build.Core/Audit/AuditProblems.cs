using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// Every audit diagnostic, worded in one place: what is wrong, where (file and line), and what
/// to do. None of them quotes a line's content.
/// </summary>
internal static class AuditProblems
{
    private const string RestoreFix =
        "The trail was changed outside Secrets.Build. It is kept local (git-ignored), so restore it from a backup of this machine (secrets/backup/ holds the one taken before a regeneration); if the change is unexplained, treat the environment's secrets as exposed and rotate them.";

    public static SecretsDiagnostic Tampered(string file, long line, string what) => Error(
        DiagnosticCodes.AuditLineTampered, file, line,
        $"{Line(line)} fails its chain MAC: {what}.", RestoreFix);

    public static SecretsDiagnostic LinesMissing(string file, long line, long expected, long found) => Error(
        DiagnosticCodes.AuditLinesMissing, file, line,
        expected == found - 1
            ? $"Audit line {line} has seq {found} where seq {expected} was expected: a line was deleted, or lines were reordered."
            : $"Audit line {line} has seq {found} where seq {expected} was expected: lines {expected} to {found - 1} were deleted, or lines were reordered.",
        RestoreFix);

    public static SecretsDiagnostic OutOfOrder(string file, long line, long expected, long found) => Error(
        DiagnosticCodes.AuditOutOfOrder, file, line,
        $"Audit line {line} has seq {found} where seq {expected} was expected: a line was copied, inserted or moved.",
        RestoreFix);

    public static SecretsDiagnostic Malformed(string file, long line, string what) => Error(
        DiagnosticCodes.AuditMalformedLine, file, line,
        $"{Line(line)} is not a trail line: {what}.", RestoreFix);

    public static SecretsDiagnostic Truncated(string file, long line) => Error(
        DiagnosticCodes.AuditTruncatedLine, file, line,
        $"{Line(line)} ends without a newline: the file was cut off (a crash during a write, a full disk, or an edit).",
        "Restore the trail from a backup. If a crash cut the line, delete only that incomplete last line; the lines before it still verify.");

    public static SecretsDiagnostic TooLong(string file, long line) => Error(
        DiagnosticCodes.AuditLineTooLong, file, line,
        $"{Line(line)} is longer than {AuditTrailOptions.MaxLineBytes / 1024} KiB; trail lines are under 1 KiB, so it was not read.",
        RestoreFix);

    public static SecretsDiagnostic WrongKey(string file, long line, string foundKeyId, string givenKeyId) => Error(
        DiagnosticCodes.AuditWrongKey, file, line,
        $"{Line(line)} was written with chain key id '{foundKeyId}', but the key given has id '{givenKeyId}': the trail belongs to another key.",
        "Use the environment key this trail belongs to. After a key rotation, pass the previous chain keys in AuditTrailOptions.RetiredChainKeys.");

    public static SecretsDiagnostic UnknownKey(string file, long line, string foundKeyId) => Error(
        DiagnosticCodes.AuditLineTampered, file, line,
        $"Audit line {line} names chain key id '{foundKeyId}', which is neither the current key nor a retired one: the line was forged, or a retired key is missing.",
        "If the key was rotated, pass the previous chain keys in AuditTrailOptions.RetiredChainKeys; otherwise restore the trail from a backup of this machine (it is git-ignored, so not in version control).");

    public static SecretsDiagnostic RolledFileMissing(string file, long line, string what) => Error(
        DiagnosticCodes.AuditRolledFileMissing, file, line,
        $"The audit chain is broken between files: {what}.",
        "Restore the missing rolled-over file (.audit.<n>.jsonl) from a backup. Rolled files are part of the chain and must be kept with the trail.");

    public static SecretsDiagnostic HeadMismatch(string file, string what) => Error(
        DiagnosticCodes.AuditHeadMismatch, file, 0,
        $"The audit trail does not reach the recorded head: {what}.", RestoreFix);

    /// <summary>
    /// The trail against the head this machine recorded (its trust record): gone, shorter, or
    /// different at that line. <paramref name="actual"/> is where the trail ends now (null: no trail).
    /// </summary>
    public static SecretsDiagnostic CutAgainstRecord(string file, AuditHead recorded, AuditHead actual) =>
        actual.Sequence == 0
            ? Error(DiagnosticCodes.AuditTrailDeleted, file, 0,
                $"The audit trail is gone, but this machine recorded its head at seq {recorded.Sequence}: it was deleted.", RestoreFix)
            : actual.Sequence < recorded.Sequence
                ? Error(DiagnosticCodes.AuditTrailTruncated, file, 0,
                    $"The audit trail ends at seq {actual.Sequence}, but this machine recorded its head at seq {recorded.Sequence}: its newest lines were cut off.", RestoreFix)
                : Error(DiagnosticCodes.AuditTrailReplaced, file, 0,
                    $"The audit trail's line with seq {recorded.Sequence} is not the one this machine recorded as its head: the trail was replaced or rewritten from there on.", RestoreFix);

    public static SecretsDiagnostic IoFailed(string file, string what) => Error(
        DiagnosticCodes.AuditIoFailed, file, 0,
        $"The audit trail file could not be used: {what}",
        "Check that the folder is writable by the user running the build and that the disk is not full, then build again.");

    /// <summary>A warning, not an error: an empty trail has nothing wrong in it, but nothing was verified either.</summary>
    public static SecretsDiagnostic TrailMissing(string storePath, string trailPath) => SecretsDiagnostic.Warning(
        DiagnosticCodes.AuditTrailMissing,
        $"The store {storePath} exists but its audit trail {trailPath} is empty or missing: either the trail was deleted or the store was made without Secrets.Build.",
        "Keep the trail next to the store (back it up if it is not committed); the next build starts a new one.",
        SourceLocation.ForFile(trailPath));

    // Appends read only the tail, so they know the file but not the line number (0).
    private static string Line(long line) => line > 0 ? $"Audit line {line}" : "The last audit line";

    private static SecretsDiagnostic Error(string code, string file, long line, string message, string fix)
    {
        var lineNumber = (int)Math.Min(line, int.MaxValue);
        var location = lineNumber > 0
            ? new SourceLocation(file, lineNumber, 1, lineNumber, 1, 0, 0)
            : SourceLocation.ForFile(file);
        return SecretsDiagnostic.Error(code, message, fix, location);
    }
}
