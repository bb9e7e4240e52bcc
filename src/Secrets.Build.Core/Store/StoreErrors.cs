using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Every error the store reports, in one place so the wording and the fixes stay consistent.
/// None of them ever includes a value, a key or a passphrase.
/// </summary>
internal static class StoreErrors
{
    private const string RestoreFix =
        "Restore the file from version control (git checkout -- <file>) or from a backup. Secrets.Build never regenerates values over a damaged store.";

    public static SecretsException At(string code, string path, string message, string fix, int line = 0, int column = 0) =>
        new(SecretsDiagnostic.Error(code, message, fix,
            line > 0 ? new SourceLocation(path, line, column, line, column, 0, 0) : SourceLocation.ForFile(path)));

    public static SecretsException StoreNotFound(string path) => At(DiagnosticCodes.StoreNotFound, path,
        $"The encrypted store '{path}' does not exist.",
        "If the metadata file next to it exists, the store was deleted: restore it from version control (git checkout -- secrets/). Otherwise build once with generation enabled to create it.");

    public static SecretsException MetadataNotFound(string path, string storePath) => At(DiagnosticCodes.MetadataNotFound, path,
        $"The store '{storePath}' exists but its metadata file '{path}' is missing; the store cannot be verified without it.",
        "Restore the metadata file from version control; it is committed next to the store.");

    public static SecretsException TooLarge(string path, long length) => At(DiagnosticCodes.FileTooLarge, path,
        $"'{path}' is {length} bytes, more than the {StoreFormat.MaxFileBytes} bytes any store or metadata file can reach; it was not read.",
        "Check that the path points at the Secrets.Build file and not something else, or restore it from version control.");

    public static SecretsException ReadFailed(string path, Exception ex) => At(DiagnosticCodes.ReadFailed, path,
        $"Could not read '{path}': {ex.Message}",
        "Check that the file is readable by the user running the build.");

    public static SecretsException NotJson(string path, string detail, int line, int column) => At(DiagnosticCodes.FileNotJson, path,
        $"'{path}' is not valid JSON: {detail}",
        "If a merge left conflict markers, resolve them by taking one side whole (git checkout --ours/--theirs) and build again; hand-merging encrypted values cannot work. Otherwise " + LowerFirst(RestoreFix),
        line, column);

    public static SecretsException Truncated(string path) => At(DiagnosticCodes.FileTruncated, path,
        $"'{path}' ends early: the file is empty or cut off.",
        RestoreFix);

    public static SecretsException BadEncoding(string path, string field) => At(DiagnosticCodes.BadEncoding, path,
        $"'{path}': {field} is not valid base64 of the expected length.",
        RestoreFix);

    public static SecretsException BadStructure(string path, string detail, int line = 0, int column = 0) => At(DiagnosticCodes.BadStructure, path,
        $"'{path}' is not a well-formed Secrets.Build file: {detail}",
        RestoreFix, line, column);

    public static SecretsException NotAStoreFile(string path, string expectedMarker) => At(DiagnosticCodes.NotAStoreFile, path,
        $"'{path}' is JSON but not a Secrets.Build file: its \"format\" is not \"{expectedMarker}\".",
        "Move the unrelated file out of the secrets/ folder, or restore the Secrets.Build file from version control.");

    public static SecretsException UnknownVersion(string path, int version) => At(DiagnosticCodes.UnknownFormatVersion, path,
        $"'{path}' has format version {version}; this Secrets.Build reads only version {StoreFormat.Version}.",
        version > StoreFormat.Version
            ? "Update the Secrets.Build package to the version the rest of the team uses."
            : RestoreFix);

    public static SecretsException Mismatch(string path, string detail) => At(DiagnosticCodes.StoreMismatch, path,
        $"'{path}' {detail}",
        "Each environment has its own store and metadata file; restore the right files from version control instead of copying them across environments.");

    public static SecretsException ValueTampered(string path, string what) => At(DiagnosticCodes.ValueTampered, path,
        $"'{path}': {what} fails authentication: its ciphertext was altered, or copied from another secret, version, environment or store.",
        RestoreFix);

    public static SecretsException MacMismatch(string path, string metadataPath) => At(DiagnosticCodes.StoreMacMismatch, path,
        $"The integrity check of '{path}' together with '{metadataPath}' failed: a secret or key entry was deleted, added, rolled back or edited, the generation was changed, or the metadata was changed by hand.",
        "Restore both files from the same commit (git checkout <commit> -- secrets/). " + RestoreFix);

    public static SecretsException WeakKeyDerivation(string path, string detail) => At(DiagnosticCodes.WeakKeyDerivation, path,
        $"'{path}' asks for Argon2id parameters that are refused: {detail}",
        "Restore the store from version control; Secrets.Build writes at least m=19456 KiB, t=2, p=1 (OWASP's minimum).");

    private static string LowerFirst(string text) => char.ToLowerInvariant(text[0]) + text[1..];
}
