namespace Secrets.Build.Core.Diagnostics;

// Key management services (the data key wrapped by AWS KMS) use SECB730-SECB749.
internal static partial class DiagnosticCodes
{
    /// <summary>SECB730: the key management service refused the request: the caller may not use this key (the message names the key and the permission needed).</summary>
    public const string KmsAccessDenied = "SECB730";

    /// <summary>SECB731: the KMS key is disabled, pending deletion, deleted, not found, or not an encryption key.</summary>
    public const string KmsKeyUnusable = "SECB731";

    /// <summary>SECB732: KMS refused to unwrap the data key: the wrapped key belongs to another store, environment or key (wrong encryption context).</summary>
    public const string KmsEncryptionContextMismatch = "SECB732";

    /// <summary>SECB733: KMS kept throttling the requests after the bounded retries.</summary>
    public const string KmsThrottled = "SECB733";

    /// <summary>SECB734: the KMS endpoint could not be reached, or did not answer within the timeout (at most 15 s).</summary>
    public const string KmsUnreachable = "SECB734";

    /// <summary>SECB735: no AWS credentials or region were found by the AWS SDK's standard resolution, or the credentials found were refused as invalid or expired.</summary>
    public const string KmsCredentialsUnavailable = "SECB735";

    /// <summary>SECB736: KMS answered with an error this package does not expect; the message names the error code KMS gave.</summary>
    public const string KmsRequestFailed = "SECB736";

    /// <summary>SECB737: the KMS timeout is not a number of seconds from 1 to 15.</summary>
    public const string KmsTimeoutInvalid = "SECB737";

    /// <summary>SECB738: a configured KMS key (SecretsKmsKeys, SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;, SecretsKmsKey) is not an AWS KMS key ARN.</summary>
    public const string KmsKeyMalformed = "SECB738";

    /// <summary>SECB739: a KMS key of the store could not be used, and another key source opened the store; the build went on.</summary>
    public const string KmsFallbackUsed = "SECB739";

    /// <summary>SECB740: the KMS key to add already wraps the store's data key; nothing changed.</summary>
    public const string KmsKeyAlreadyPresent = "SECB740";

    /// <summary>SECB741: the KMS key to remove is not one of the store's keys.</summary>
    public const string KmsKeyNotOnStore = "SECB741";

    /// <summary>SECB742: a KMS key was removed and the data key rotated, but whoever could use that key may have read every value until now.</summary>
    public const string RemovedKmsKeySawValues = "SECB742";

    /// <summary>SECB743: a KMS key operation needs the environment's store, and there is none yet.</summary>
    public const string NoStoreForKmsKey = "SECB743";

    /// <summary>SECB744: a configured KMS key (SecretsKmsKeys or SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;) does not open the existing store; configured keys wrap only new stores.</summary>
    public const string ConfiguredKmsKeyNotOnStore = "SECB744";
}
