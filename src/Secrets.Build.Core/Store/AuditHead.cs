namespace Secrets.Build.Core.Store;

/// <summary>
/// The end of an audit trail's chain: the last line's sequence number and MAC (base64). A chain alone cannot
/// reveal that its newest lines were cut off; storing the head somewhere else (the committed
/// metadata file, a CI log) and passing it to the trail's <c>Verify</c> can.
/// A store-level value: the trust record keeps it beside the store, and every open compares it.
/// </summary>
/// <param name="Sequence">The last line's <c>seq</c>; 0 for an empty trail.</param>
/// <param name="Mac">The last line's <c>mac</c> in base64; empty for an empty trail.</param>
public sealed record AuditHead(long Sequence, string Mac)
{
    /// <summary>The head of a trail with no lines.</summary>
    public static AuditHead Empty { get; } = new(0, string.Empty);
}
