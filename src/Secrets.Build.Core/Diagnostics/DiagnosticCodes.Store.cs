namespace Secrets.Build.Core.Diagnostics;

// The encrypted store, its metadata file, atomic writes and the workspace lock: SECB230-SECB249.
// (Key sources use SECB250 and up.)
internal static partial class DiagnosticCodes
{
    /// <summary>The store file does not exist where it was expected.</summary>
    public const string StoreNotFound = "SECB230";

    /// <summary>The store exists but its metadata file is missing.</summary>
    public const string MetadataNotFound = "SECB231";

    /// <summary>A store or metadata file is larger than any real one could be; refused before reading.</summary>
    public const string FileTooLarge = "SECB232";

    /// <summary>A store or metadata file is not valid JSON (edited by hand, merge conflict markers).</summary>
    public const string FileNotJson = "SECB233";

    /// <summary>A store or metadata file ends early: it was truncated (empty, cut off).</summary>
    public const string FileTruncated = "SECB234";

    /// <summary>A field holds bad base64, or bytes of the wrong length (a nonce, a key, a tag).</summary>
    public const string BadEncoding = "SECB235";

    /// <summary>A required field is missing or has the wrong type or an impossible value.</summary>
    public const string BadStructure = "SECB236";

    /// <summary>The file's format version is newer (or other) than this Secrets.Build understands.</summary>
    public const string UnknownFormatVersion = "SECB237";

    /// <summary>The file is JSON but not a Secrets.Build store or metadata file.</summary>
    public const string NotAStoreFile = "SECB238";

    /// <summary>The store (or its metadata) belongs to another environment or another store.</summary>
    public const string StoreMismatch = "SECB239";

    /// <summary>The key given is not one the store was encrypted for.</summary>
    public const string WrongKey = "SECB240";

    /// <summary>A value fails authentication: its ciphertext was altered, or moved from another name, version or environment.</summary>
    public const string ValueTampered = "SECB241";

    /// <summary>The whole-store MAC does not match: an entry was deleted, rolled back or reordered, or the metadata was edited.</summary>
    public const string StoreMacMismatch = "SECB242";

    /// <summary>The Argon2id parameters in a store header are below the accepted minimum or absurdly large.</summary>
    public const string WeakKeyDerivation = "SECB243";

    /// <summary>A store or metadata file could not be read (permissions, I/O error).</summary>
    public const string ReadFailed = "SECB244";

    /// <summary>A secret name the store was asked about is not in it.</summary>
    public const string SecretNotInStore = "SECB245";

    /// <summary>This CPU has no hardware AES, which libsodium's AES-256-GCM needs.</summary>
    public const string NoHardwareAes = "SECB246";

    /// <summary>A file could not be written atomically (disk full, permissions); the old content is kept.</summary>
    public const string WriteFailed = "SECB248";

    /// <summary>The workspace lock stayed held by another process past the timeout.</summary>
    public const string LockTimeout = "SECB249";
}
