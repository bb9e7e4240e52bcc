namespace Secrets.Build.Core.Diagnostics;

// Workspace maintenance: permission checks and repair, confirmed regeneration: SECB550-SECB579.
public static partial class DiagnosticCodes
{
    /// <summary>SECB550 (warning): a folder that holds secrets or keys is not mode 700.</summary>
    public const string DirectoryModeWrong = "SECB550";

    /// <summary>SECB551 (warning): a store, metadata, audit, output or key file is not mode 600.</summary>
    public const string FileModeWrong = "SECB551";

    /// <summary>SECB552: a mode could not be changed (the file belongs to another user, or the folder is read-only).</summary>
    public const string ModeRepairFailed = "SECB552";

    /// <summary>SECB553 (warning): a symbolic link where a secret-bearing file or folder was expected; it is left alone.</summary>
    public const string SymbolicLinkSkipped = "SECB553";

    /// <summary>SECB554: regeneration was asked for without typing the environment name again as confirmation.</summary>
    public const string RegenerationNotConfirmed = "SECB554";

    /// <summary>SECB555: the backup taken before a regeneration could not be written; nothing was replaced.</summary>
    public const string BackupFailed = "SECB555";

    /// <summary>SECB556 (info): Unix modes do not exist on this platform (Windows), so none were checked or changed.</summary>
    public const string ModesNotSupported = "SECB556";

    /// <summary>SECB557: regeneration was asked for with generation turned off, so nothing could replace the values.</summary>
    public const string RegenerationNeedsGeneration = "SECB557";

    /// <summary>SECB558 (warning): regeneration failed after the backup, so the backed-up files were put back in place.</summary>
    public const string RegenerationRolledBack = "SECB558";
}
