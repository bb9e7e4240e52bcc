namespace Secrets.Build.Core.Diagnostics;

// Lifecycle operations: rotating values (SECB505-509), importing (SECB510-519),
// rotating keys (SECB530-539).
internal static partial class DiagnosticCodes
{
    /// <summary>A rotation was asked for without any selector.</summary>
    public const string RotationNothingSelected = "SECB505";
    /// <summary>Rotation, import or key rotation needs an existing store, and there is none.</summary>
    public const string LifecycleStoreMissing = "SECB506";
    /// <summary>A selected secret is declared but not in the store yet; a build generates it first.</summary>
    public const string RotationNotProvisioned = "SECB507";

    /// <summary>The file to import from does not exist or cannot be read.</summary>
    public const string ImportFileUnreadable = "SECB510";
    /// <summary>The file to import from is larger than any real .env file.</summary>
    public const string ImportFileTooLarge = "SECB511";
    /// <summary>A name in the imported file is not declared in the schema; it was left out.</summary>
    public const string ImportNotInSchema = "SECB512";
    /// <summary>An imported value is weaker than its rule requires; it was kept and marked due for rotation.</summary>
    public const string ImportWeakValue = "SECB513";
    /// <summary>An import would replace a different existing value and overwriting was not asked for.</summary>
    public const string ImportWouldOverwrite = "SECB514";
    /// <summary>An imported variable is empty; it was left out.</summary>
    public const string ImportEmptyValue = "SECB515";

    /// <summary>The store is opened by a passphrase and key rotation was given no new passphrase.</summary>
    public const string KeyRotationNeedsPassphrase = "SECB530";
    /// <summary>The old key came from an environment variable: the new key must be copied to every place that sets it.</summary>
    public const string KeyRotationUpdateVariable = "SECB531";
    /// <summary>A key rotation interrupted earlier was completed with the key it had already written.</summary>
    public const string KeyRotationResumed = "SECB532";
    /// <summary>The retired key file was kept under a name builds no longer read.</summary>
    public const string KeyRotationOldKeyKept = "SECB533";
}
