using System.Reflection;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// One thing that happened, as the audit trail records it. There is deliberately no field
/// for a secret's value: a trail line names a secret, its version and at most a keyed
/// fingerprint, so the trail can be read, copied and shared without exposing anything.
/// </summary>
/// <param name="Time">When it happened; written in UTC, ISO 8601, to the millisecond.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Actor">Who caused it, as <c>user@host</c>.</param>
/// <param name="ToolVersion">The Secrets.Build version that wrote the line.</param>
/// <param name="Trigger">The MSBuild target (or API operation) that caused it, e.g. <c>ProvisionSecrets</c>.</param>
internal sealed record AuditEvent(
    DateTimeOffset Time,
    AuditEventKind Kind,
    string Actor,
    string ToolVersion,
    string Trigger)
{
    /// <summary>The secret concerned, an environment-variable style name; null for store-wide events.</summary>
    public string? SecretName { get; init; }

    /// <summary>The secret's version after the event (1 for a first value); null when not applicable.</summary>
    public int? Version { get; init; }

    /// <summary>
    /// A keyed fingerprint of the value (such as the metadata file holds), so two lines can be
    /// compared without the value. Restricted to fingerprint-like text: letters, digits and
    /// <c>+/=:_-</c>, 8 to 128 characters.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// For the recipient events: the age recipient's fingerprint (16 lower-case hex digits), never
    /// its public key text and never an identity.
    /// </summary>
    public string? Recipient { get; init; }

    /// <summary>
    /// For the recipient events: who holds the recipient's identity, as the recipients file names
    /// them (printable text up to 128 characters). The recipients file is committed, so this is
    /// already public.
    /// </summary>
    public string? RecipientName { get; init; }

    /// <summary>
    /// For the KMS key events: the key management service key's ARN (an identifier, never a
    /// credential); anything that is not a KMS key ARN is refused.
    /// </summary>
    public string? KmsKey { get; init; }

    /// <summary>For <see cref="AuditEventKind.Failure"/> and <see cref="AuditEventKind.Report"/>: the <c>SECB</c> code concerned.</summary>
    public string? Code { get; init; }

    /// <summary>
    /// An event that happens now, caused by the current user on this machine, written by this
    /// version of the tool. Set <see cref="SecretName"/>, <see cref="Version"/> and the rest with <c>with</c>.
    /// </summary>
    /// <param name="kind">What happened.</param>
    /// <param name="trigger">The target or operation that caused it.</param>
    /// <param name="clock">The clock to read; the system clock when null (tests pass a fake one).</param>
    public static AuditEvent Now(AuditEventKind kind, string trigger, TimeProvider? clock = null) =>
        new((clock ?? TimeProvider.System).GetUtcNow(), kind, ProcessActor.Value, CurrentToolVersion, trigger);

    /// <summary><c>user@host</c> for the process's user and machine.</summary>
    public static string CurrentActor() => $"{Environment.UserName}@{Environment.MachineName}";

    // A process runs as one user on one machine; looking the user up (a passwd query on Unix)
    // once per event made a first build of 10,000 secrets pay for 10,000 lookups.
    private static readonly Lazy<string> ProcessActor = new(CurrentActor);

    /// <summary>The informational version of Secrets.Build.Core, without source-control metadata.</summary>
    public static string CurrentToolVersion { get; } = ReadToolVersion();

    private static string ReadToolVersion()
    {
        var assembly = typeof(AuditEvent).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        // "0.1.0+<commit>": the commit adds length, not meaning, to every line.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
