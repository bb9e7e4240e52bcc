using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// An age recipient as a key to wrap a store's data key to: the public half only, so it can be
/// given a wrapping (when a recipient is added or the data key is replaced) but never opens a store.
/// </summary>
internal sealed record RecipientKey : KeyMaterial
{
    /// <summary>Creates the key for <paramref name="recipient"/>.</summary>
    public RecipientKey(AgeRecipient recipient)
        : base($"age recipient {recipient?.Text}")
    {
        ArgumentNullException.ThrowIfNull(recipient);
        Recipient = recipient;
    }

    /// <summary>The recipient.</summary>
    public AgeRecipient Recipient { get; }
}
