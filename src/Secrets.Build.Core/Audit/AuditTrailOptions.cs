using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Audit;

/// <summary>Tuning for an <see cref="AuditTrail"/>; the defaults suit every real workspace.</summary>
internal sealed record AuditTrailOptions
{
    /// <summary>The longest line this tool writes is under 1 KiB; anything over this is refused unread.</summary>
    public const int MaxLineBytes = 64 * 1024;

    /// <summary>Default size at which the trail rolls over to a numbered file: 10 MiB.</summary>
    public const long DefaultMaxFileBytes = 10L * 1024 * 1024;

    /// <summary>
    /// When appending would grow the trail past this size, the trail is first renamed to
    /// <c>.env.&lt;env&gt;.audit.&lt;n&gt;.jsonl</c> and a new one starts, continuing the chain.
    /// </summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>How long to wait for another process's append before failing with SECB249.</summary>
    public TimeSpan LockTimeout { get; init; } = WorkspaceLock.DefaultTimeout;

    /// <summary>
    /// Chain keys of earlier environment keys. After a key rotation, older lines carry the old
    /// key's id; verification needs that key to check them. New lines always use the current key.
    /// </summary>
    public IReadOnlyList<byte[]> RetiredChainKeys { get; init; } = Array.Empty<byte[]>();

    /// <summary>
    /// Written first, under the current key, when an append finds the trail's last line chained
    /// under another key: the change of chain key is itself a line of the chain. Null writes none.
    /// </summary>
    internal AuditEvent? KeyChangeEvent { get; init; }
}
