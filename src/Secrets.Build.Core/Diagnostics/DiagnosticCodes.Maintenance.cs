namespace Secrets.Build.Core.Diagnostics;

// Workspace maintenance: permission checks and repair, confirmed regeneration: SECB550-SECB579.
internal static partial class DiagnosticCodes
{
    /// <summary>Warning: a folder that holds secrets or keys is not mode 700.</summary>
    public const string DirectoryModeWrong = "SECB550";

    /// <summary>Warning: a store, metadata, audit, output or key file is not mode 600.</summary>
    public const string FileModeWrong = "SECB551";

    /// <summary>A mode could not be changed (the file belongs to another user, or the folder is read-only).</summary>
    public const string ModeRepairFailed = "SECB552";

    /// <summary>A symbolic link where a secret-bearing file or folder was expected: the permission check leaves it alone (warning); an audit trail or lock file is never opened through one (error).</summary>
    public const string SymbolicLinkSkipped = "SECB553";

    /// <summary>Regeneration was asked for without typing the environment name again as confirmation.</summary>
    public const string RegenerationNotConfirmed = "SECB554";

    /// <summary>The backup taken before a regeneration could not be written; nothing was replaced.</summary>
    public const string BackupFailed = "SECB555";

    /// <summary>Info: Unix modes do not exist on this platform (Windows), so none were checked or changed.</summary>
    public const string ModesNotSupported = "SECB556";

    /// <summary>Regeneration was asked for with generation turned off, so nothing could replace the values.</summary>
    public const string RegenerationNeedsGeneration = "SECB557";

    /// <summary>Warning: regeneration failed after the backup, so the backed-up files were put back in place.</summary>
    public const string RegenerationRolledBack = "SECB558";

    /// <summary>A folder that holds secrets (e.g. <c>secrets/</c>) belongs to another user; nothing is read from or written into it.</summary>
    public const string SecretsFolderOwnedByOtherUser = "SECB560";

    /// <summary>A <c>git</c> command the compliance report runs did not finish in time; it was stopped.</summary>
    public const string GitCommandTimedOut = "SECB561";
}
