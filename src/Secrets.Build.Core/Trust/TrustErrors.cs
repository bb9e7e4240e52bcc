using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>The errors of the trust checks: the file, both generations and their dates, and the fix.</summary>
internal static class TrustErrors
{
    private const string AcceptHint = "If this is intended (you restored an older store on purpose), build again with -p:SecretsAcceptRollback={0}; the acceptance is written to the audit trail.";

    public static SecretsException RolledBack(StorePaths paths, StoreTrust seen, SecretStore store) => Error(
        DiagnosticCodes.StoreRolledBack, paths,
        $"'{paths.StorePath}' is generation {store.Generation} of store {store.StoreId} ({LastChange(store)}), but this machine saw generation {seen.Generation} of it on {Date(seen.GenerationSeenAt)}: an older copy was put back (git checkout of an older commit, a merge taken \"theirs\", a restored backup). An older store can bring back a removed recipient's access or an old password.",
        $"Bring back the newer store: git log -- {Relative(paths)} shows the commit with generation {seen.Generation}; check it out or merge it. " + string.Format(null, AcceptHint, paths.Environment));

    public static SecretsException Replaced(StorePaths paths, WorkspaceTrust used, StoreTrust? seen, SecretStore store) => Error(
        DiagnosticCodes.StoreReplaced, paths,
        $"'{paths.StorePath}' is store {store.StoreId} (generation {store.Generation}, {LastChange(store)}), but environment '{paths.Environment}' of this workspace has used store {used.StoreId}{Describe(seen)} since {Date(used.Since)}: the store was replaced by another one.",
        $"Bring back store {used.StoreId} from version control (git log -- {Relative(paths)}). " + string.Format(null, AcceptHint, paths.Environment));

    public static SecretsException KeyFileMatchesNoEntry(StorePaths paths, string keyFilePath, string keyId, SecretStore store) => Error(
        DiagnosticCodes.KeyFileMatchesNoEntry, paths,
        $"'{paths.StorePath}' (store {store.StoreId}, generation {store.Generation}, {LastChange(store)}) was opened with an age identity, but this machine's key file for that store, {keyFilePath} (key {keyId}), opens none of its key entries ({string.Join(", ", store.KeyIds)}). A store anyone could have made from the public recipients and the store id would look exactly like this.",
        $"Restore the store from version control (git log -- {Relative(paths)}) to the version whose key list holds key {keyId}. If the key was replaced on purpose (RotateSecretsKey on another machine), copy the new key file from there over {keyFilePath}.");

    public static SecretsException Vanished(StorePaths paths, string? storeId, StoreTrust? seen, string witness) => Error(
        DiagnosticCodes.StoreVanished, paths,
        storeId is null
            ? $"Environment '{paths.Environment}' has no store ('{paths.StorePath}' and its metadata are missing), but {witness} shows it had one. No new store was made: its values would replace the lost ones silently."
            : $"Environment '{paths.Environment}' has no store ('{paths.StorePath}' and its metadata are missing), but {witness} says this workspace used store {storeId}{Describe(seen)}. No new store was made: its values would replace the lost ones silently.",
        $"Restore {Relative(paths)} and its .metadata from version control (git checkout -- secrets/, or git log --all -- {Relative(paths)}) or a backup. To start over with new values on purpose, run the RegenerateSecrets target with -p:SecretsConfirmRegenerate={paths.Environment}.");

    public static SecretsException BelowMinimum(StorePaths paths, int generation, int minimum) => Error(
        DiagnosticCodes.BelowMinimumGeneration, paths,
        generation == 0
            ? $"'{paths.StorePath}' has no generation this pipeline accepts (it {(File.Exists(paths.StorePath) ? "predates generations" : "does not exist")}), but the minimum for environment '{paths.Environment}' is generation {minimum}."
            : $"'{paths.StorePath}' is generation {generation}, below the minimum generation {minimum} set for environment '{paths.Environment}': this checkout holds an older store than the one released.",
        $"Build a commit whose store is generation {minimum} or later, or lower SecretsMinimumGeneration / {MinimumGeneration.VariableFor(paths.Environment)} if the pin is wrong.");

    public static SecretsDiagnostic NotCommitted(StorePaths paths) => SecretsDiagnostic.Warning(
        DiagnosticCodes.StoreNotCommitted,
        $"A new store was made for environment '{paths.Environment}' at '{paths.StorePath}' inside a git work tree. Until it is committed, a git clean or a lost disk loses every value, and nothing can recover them.",
        $"Commit it now: git add {Relative(paths)} {Relative(paths)[..^".json".Length]}.metadata && git commit.",
        SourceLocation.ForFile(paths.StorePath));

    private static SecretsException Error(string code, StorePaths paths, string message, string fix) =>
        new(SecretsDiagnostic.Error(code, message, fix, SourceLocation.ForFile(paths.StorePath)));

    private static string Describe(StoreTrust? seen) =>
        seen is null ? string.Empty : $" (last seen here at generation {seen.Generation}, on {Date(seen.GenerationSeenAt)})";

    private static string LastChange(SecretStore store)
    {
        var newest = store.Names.Select(n => store.GetMetadata(n).RotatedAt).DefaultIfEmpty().Max();
        return newest == default ? "no values yet" : $"its newest value from {Date(newest)}";
    }

    private static string Date(DateTimeOffset date) => StoreFormat.FormatDate(date);

    private static string Relative(StorePaths paths) =>
        Path.Combine(StorePaths.SecretsFolderName, Path.GetFileName(paths.StorePath)).Replace('\\', '/');
}
