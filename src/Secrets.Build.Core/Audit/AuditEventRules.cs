using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// Checks an event before it is written. Every field is short and drawn from a narrow
/// alphabet, so a line stays far below <see cref="AuditTrailOptions.MaxLineBytes"/> and free
/// text (where a value could slip in) has no place to go. A failure is a bug in the caller,
/// hence an <see cref="ArgumentException"/>, not a user-facing diagnostic.
/// </summary>
internal static class AuditEventRules
{
    private const int MaxActorLength = 256;
    private const int MaxTriggerLength = 128;
    private const int MaxToolVersionLength = 64;
    private const int MinFingerprintLength = 8;
    private const int MaxFingerprintLength = 128;
    private const int RecipientFingerprintLength = 16;
    private const int MaxRecipientNameLength = 128;
    private const int MaxKmsKeyLength = 256;

    public static void Validate(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        _ = AuditEventKindNames.ToName(auditEvent.Kind);
        Require(auditEvent.Actor, 1, MaxActorLength, IsActorChar, nameof(AuditEvent.Actor), "printable characters");
        Require(auditEvent.Trigger, 1, MaxTriggerLength, IsNameChar, nameof(AuditEvent.Trigger), "letters, digits and ._:-");
        Require(auditEvent.ToolVersion, 1, MaxToolVersionLength, c => IsNameChar(c) || c == '+', nameof(AuditEvent.ToolVersion), "letters, digits and ._:-+");

        if (auditEvent.SecretName is { } name && !NameConventions.IsValidSecretName(name))
        {
            throw new ArgumentException("A secret name must be environment-variable style (A-Z, 0-9, _).", nameof(AuditEvent.SecretName));
        }

        if (auditEvent.Version is < 1)
        {
            throw new ArgumentException("A secret version starts at 1.", nameof(AuditEvent.Version));
        }

        if (auditEvent.Fingerprint is { } fingerprint)
        {
            Require(fingerprint, MinFingerprintLength, MaxFingerprintLength, IsFingerprintChar, nameof(AuditEvent.Fingerprint), "letters, digits and +/=:_-");
        }

        if (auditEvent.Recipient is { } recipient)
        {
            Require(recipient, RecipientFingerprintLength, RecipientFingerprintLength, IsLowerHex, nameof(AuditEvent.Recipient), "lower-case hex digits");
        }

        if (auditEvent.RecipientName is { } holder)
        {
            Require(holder, 1, MaxRecipientNameLength, IsActorChar, nameof(AuditEvent.RecipientName), "printable characters");
        }

        if (auditEvent.KmsKey is { } kmsKey)
        {
            Require(kmsKey, 1, MaxKmsKeyLength, c => c > ' ' && c < (char)0x7F, nameof(AuditEvent.KmsKey), "printable ASCII without spaces");
            if (!Kms.AwsKmsArn.TryParse(kmsKey, out _))
            {
                throw new ArgumentException("A KMS key is a KMS key ARN such as arn:aws:kms:eu-west-1:111122223333:key/<id>.", nameof(AuditEvent.KmsKey));
            }
        }

        if (auditEvent.Code is { } code && !IsDiagnosticCode(code))
        {
            throw new ArgumentException("A code is a diagnostic code such as SECB240.", nameof(AuditEvent.Code));
        }
    }

    private static void Require(string? text, int min, int max, Func<char, bool> allowed, string field, string alphabet)
    {
        if (text is null || text.Length < min || text.Length > max || !text.All(allowed))
        {
            // The text itself stays out of the message: whatever it is, it was not meant for a log.
            throw new ArgumentException($"{field} must be {min} to {max} characters of {alphabet}.", field);
        }
    }

    private static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    private static bool IsNameChar(char c) => IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-';

    private static bool IsFingerprintChar(char c) => IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or ':' or '_' or '-';

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    // User names can hold spaces ("Jane Doe" on Windows) and non-ASCII letters; only control
    // characters, which could break a line or a terminal, are refused.
    private static bool IsActorChar(char c) => !char.IsControl(c);

    private static bool IsDiagnosticCode(string code) =>
        code.Length == 7 && code.StartsWith("SECB", StringComparison.Ordinal) && code[4..].All(char.IsAsciiDigit);
}
