namespace Secrets.Build.Core.Audit;

/// <summary>What happened to a secret (or to the store). Each kind has a fixed name in the trail.</summary>
internal enum AuditEventKind
{
    /// <summary><c>generated</c>: a new value was generated.</summary>
    Generated,

    /// <summary><c>imported</c>: an existing value was adopted from another source.</summary>
    Imported,

    /// <summary><c>accessed</c>: a build decrypted the value.</summary>
    Accessed,

    /// <summary><c>exported</c>: the value was written to an output (.env, compose override, Kubernetes manifest).</summary>
    Exported,

    /// <summary><c>rotated</c>: the value was replaced by a new version.</summary>
    Rotated,

    /// <summary><c>key-rotated</c>: the environment's keys were replaced and every value re-encrypted.</summary>
    KeyRotated,

    /// <summary><c>report</c>: a compliance report was produced.</summary>
    Report,

    /// <summary>
    /// <c>failure</c>: an operation failed; the code says which. Reserved: failures are build errors, and
    /// one without the store's key (a wrong key) cannot be chained at all (see Audit/README.md).
    /// </summary>
    Failure,

    /// <summary><c>recipient-added</c>: an age recipient was given access to the store.</summary>
    RecipientAdded,

    /// <summary><c>recipient-removed</c>: an age recipient was taken off the store (and the data key replaced).</summary>
    RecipientRemoved,

    /// <summary>
    /// <c>rollback-accepted</c>: an older generation or another store than this machine saw before was
    /// accepted with <c>SecretsAcceptRollback</c>; the code says which check was overridden (SECB700, SECB701).
    /// </summary>
    RollbackAccepted,

    /// <summary>
    /// <c>chain-key-changed</c>: the first line under this machine's own chain key (from the secret beside its
    /// key files) after lines chained under a key derived from the store's data key.
    /// </summary>
    ChainKeyChanged,

    /// <summary><c>kms-key-added</c>: a key management service key was given a wrapping of the data key.</summary>
    KmsKeyAdded,

    /// <summary><c>kms-key-removed</c>: a key management service key was taken off the store (and the data key replaced).</summary>
    KmsKeyRemoved,
}
