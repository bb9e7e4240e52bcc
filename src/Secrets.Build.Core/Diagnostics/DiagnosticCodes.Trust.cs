namespace Secrets.Build.Core.Diagnostics;

// What this machine remembers of each store (the trust record beside the key files) and the
// checks every open makes against it: SECB700-SECB729. Store/README.md, "Threat model", says
// what each detects and what none of them can.
internal static partial class DiagnosticCodes
{
    /// <summary>The store's generation is lower than one this machine saw: an older copy was put back (git checkout, a merge taken "theirs").</summary>
    public const string StoreRolledBack = "SECB700";

    /// <summary>The workspace's environment now has a store with another id than the one this machine last used there: the store was replaced.</summary>
    public const string StoreReplaced = "SECB701";

    /// <summary>An age identity opened a store while this machine's key file for that store id matches none of its key entries: the store was substituted.</summary>
    public const string KeyFileMatchesNoEntry = "SECB702";

    /// <summary>The store and its metadata are gone while this machine's trust record (or the audit trail) says the environment had one; no new store is made.</summary>
    public const string StoreVanished = "SECB703";

    /// <summary>A new store was made inside a git work tree: until it is committed, its values cannot be recovered.</summary>
    public const string StoreNotCommitted = "SECB704";

    /// <summary>The store's generation is below the minimum a pipeline pinned (<c>SecretsMinimumGeneration</c>, <c>SECRETS_BUILD_MIN_GENERATION_&lt;ENV&gt;</c>).</summary>
    public const string BelowMinimumGeneration = "SECB705";

    /// <summary><c>SecretsMinimumGeneration</c> or <c>SECRETS_BUILD_MIN_GENERATION_&lt;ENV&gt;</c> is not a whole number of 1 or more.</summary>
    public const string InvalidMinimumGeneration = "SECB706";

    /// <summary>A trust record (the key folder's <c>trust/</c>) cannot be read, is not a trust record, or is the record of another store or workspace than its file name says.</summary>
    public const string TrustRecordDamaged = "SECB707";

    /// <summary>A rollback or a replaced store was accepted with <c>SecretsAcceptRollback</c>; the acceptance is in the audit trail.</summary>
    public const string RollbackAccepted = "SECB708";

    /// <summary>This machine's audit chain secret beside the key files cannot be read.</summary>
    public const string AuditChainSecretDamaged = "SECB709";

    /// <summary>The audit trail ends before the head this machine recorded: its newest lines were cut off.</summary>
    public const string AuditTrailTruncated = "SECB710";

    /// <summary>The audit trail is gone while this machine recorded a head for it.</summary>
    public const string AuditTrailDeleted = "SECB711";

    /// <summary>The audit trail's line at the recorded head has another MAC: the trail was replaced or rewritten.</summary>
    public const string AuditTrailReplaced = "SECB712";
}
