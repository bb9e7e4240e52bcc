using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Core;

public sealed partial class SecretsManager
{
    /// <summary>
    /// Lets an age recipient (a teammate's or build server's <c>age1…</c> public key) open the
    /// environment's store: wraps the same data key to it and lists it in
    /// <c>secrets/recipients.&lt;env&gt;.txt</c>. Needs a key or identity that can open the store.
    /// User mistakes come back as diagnostics in the result, never as exceptions.
    /// </summary>
    public RecipientResult AddRecipient(RecipientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new RecipientCommand(options).Add(cancellationToken);
    }

    /// <summary>
    /// Takes an age recipient off the environment's store and its recipients file, and rotates the
    /// data key so the removed party's wrapping opens nothing committed from now on. The result
    /// warns (SECB268) that the removed party may have seen the values and lists the secrets to rotate.
    /// </summary>
    public RecipientResult RemoveRecipient(RecipientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new RecipientCommand(options).Remove(cancellationToken);
    }

    /// <summary>
    /// Lists who can open the environment's store: every age recipient with its fingerprint and
    /// name, and the other keys. Needs no key; warns where the store and the recipients file disagree.
    /// </summary>
    public RecipientResult ListRecipients(RecipientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new RecipientCommand(options).List();
    }
}
