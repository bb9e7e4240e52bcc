namespace Secrets.Build.Core.Diagnostics;

// Key management services (the data key wrapped by AWS KMS) use SECB730-SECB739.
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
}
