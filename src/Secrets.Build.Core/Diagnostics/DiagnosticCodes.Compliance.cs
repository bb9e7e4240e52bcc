namespace Secrets.Build.Core.Diagnostics;

internal static partial class DiagnosticCodes
{
    /// <summary>The compliance score is below the minimum the build asked for (<c>SecretsMinimumScore</c>).</summary>
    public const string ComplianceScoreBelowMinimum = "SECB600";
    /// <summary>Check 1: a secret-bearing file or folder is open to other users.</summary>
    public const string ComplianceFileModes = "SECB601";
    /// <summary>Check 2: a plaintext output or key is not gitignored, or is tracked.</summary>
    public const string ComplianceGitIgnore = "SECB602";
    /// <summary>Check 3: key material is inside the workspace or readable by others.</summary>
    public const string ComplianceKeyMaterial = "SECB603";
    /// <summary>Check 4: a secret is near or past the end of its rotation period.</summary>
    public const string ComplianceRotation = "SECB604";
    /// <summary>Check 5: a generated value is below 128 bits, or a JWT HMAC key below 32 bytes.</summary>
    public const string ComplianceStrength = "SECB605";
    /// <summary>Check 6: an external secret is missing or empty.</summary>
    public const string ComplianceExternalSecrets = "SECB606";
    /// <summary>Check 7: the store MAC or the metadata is not authentic.</summary>
    public const string ComplianceStoreAuthenticity = "SECB607";
    /// <summary>Check 8: the audit chain is broken.</summary>
    public const string ComplianceAuditChain = "SECB608";
    /// <summary>Check 9: an algorithm or cost parameter is below current guidance.</summary>
    public const string ComplianceAlgorithms = "SECB609";
    /// <summary>Check 10: two environments share a value.</summary>
    public const string ComplianceIsolation = "SECB610";
    /// <summary>Check 11: the data key is past (or near) its cryptoperiod.</summary>
    public const string ComplianceCryptoperiod = "SECB611";
    /// <summary>Check 12: a secret value appears in a tracked file or in the compose override.</summary>
    public const string ComplianceValueExposure = "SECB612";
    /// <summary>A compliance report file could not be written.</summary>
    public const string ComplianceWriteFailed = "SECB613";
    /// <summary>The report options are out of range (e.g. a minimum score outside 0-100).</summary>
    public const string ComplianceInvalidOptions = "SECB614";
    /// <summary>Check 13: the production store opens only with shared symmetric keys or passphrases, no KMS key and no age recipient.</summary>
    public const string ComplianceKmsOrRecipientKey = "SECB615";
}
