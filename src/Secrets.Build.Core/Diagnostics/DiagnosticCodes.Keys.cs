namespace Secrets.Build.Core.Diagnostics;

// Keys use SECB250-SECB259, leaving SECB200-SECB249 to the store format.
internal static partial class DiagnosticCodes
{
    /// <summary>SECB250: a key in an environment variable or key file is not in the key text form (<c>sbk1:</c> + 43 base64url characters).</summary>
    public const string KeyTextMalformed = "SECB250";

    /// <summary>SECB251: a key file exists but cannot be read.</summary>
    public const string KeyFileUnreadable = "SECB251";

    /// <summary>SECB252 (warning): a key file can be read by users other than its owner (Unix mode not 600).</summary>
    public const string KeyFileModeTooOpen = "SECB252";

    /// <summary>SECB253 (warning): the key folder can be listed or entered by other users (Unix mode not 700).</summary>
    public const string KeyDirectoryModeTooOpen = "SECB253";

    /// <summary>SECB254: a new key was to be created, but a key file for this store and environment already exists.</summary>
    public const string KeyFileAlreadyExists = "SECB254";

    /// <summary>SECB255: no folder for key files can be determined (no HOME, APPDATA, XDG_CONFIG_HOME or SECRETS_BUILD_KEY_DIR).</summary>
    public const string KeyDirectoryUnknown = "SECB255";

    /// <summary>SECB256: the key folder is inside the workspace, where a key could be committed or removed by <c>git clean</c>.</summary>
    public const string KeyDirectoryInsideWorkspace = "SECB256";

    /// <summary>SECB257: a new key file could not be written.</summary>
    public const string KeyFileWriteFailed = "SECB257";

    /// <summary>SECB258: no key was found for an environment whose store already exists.</summary>
    public const string KeyNotFound = "SECB258";

    /// <summary>SECB259 (warning): a passphrase is short enough to guess offline from the committed store.</summary>
    public const string PassphraseTooShort = "SECB259";
}
