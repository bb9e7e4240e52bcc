using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// The audit events of a change in who can open a store. A line names the recipient by its
/// fingerprint and its holder as the recipients file does; never the <c>age1…</c> text, never an identity.
/// </summary>
internal static class RecipientAuditEvents
{
    // The trail's limit for a holder name; the recipients file has none, so longer names are shortened.
    private const int MaxHolderLength = 128;

    public static AuditEvent Added(AgeRecipient recipient, string? holder, string trigger, TimeProvider clock) =>
        For(AuditEventKind.RecipientAdded, recipient, holder, trigger, clock);

    public static AuditEvent Removed(AgeRecipient recipient, string? holder, string trigger, TimeProvider clock) =>
        For(AuditEventKind.RecipientRemoved, recipient, holder, trigger, clock);

    private static AuditEvent For(AuditEventKind kind, AgeRecipient recipient, string? holder, string trigger, TimeProvider clock) =>
        AuditEvent.Now(kind, trigger, clock) with
        {
            Recipient = recipient.Fingerprint,
            RecipientName = OneShortLine(holder),
        };

    /// <summary>The name as one printable line of at most <see cref="MaxHolderLength"/> characters, or null when nothing is left.</summary>
    private static string? OneShortLine(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var flat = new string([.. name.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        if (flat.Length > MaxHolderLength)
        {
            var cut = char.IsHighSurrogate(flat[MaxHolderLength - 1]) ? MaxHolderLength - 1 : MaxHolderLength;
            flat = flat[..cut].TrimEnd();
        }

        return flat.Length == 0 ? null : flat;
    }
}
