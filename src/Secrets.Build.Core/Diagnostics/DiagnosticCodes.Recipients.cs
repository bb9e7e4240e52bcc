namespace Secrets.Build.Core.Diagnostics;

// age recipients and identities use SECB260-SECB279.
internal static partial class DiagnosticCodes
{
    /// <summary>SECB260: none of the identities or keys found can open the store; the message names those tried and those the store accepts.</summary>
    public const string NoIdentityOpensStore = "SECB260";

    /// <summary>SECB261: a recipient is not an age X25519 public key (<c>age1…</c>).</summary>
    public const string RecipientMalformed = "SECB261";

    /// <summary>SECB262: an identity variable or file holds something other than <c>AGE-SECRET-KEY-1…</c> lines and comments.</summary>
    public const string IdentityMalformed = "SECB262";

    /// <summary>SECB263: an identity file exists but cannot be read.</summary>
    public const string IdentityFileUnreadable = "SECB263";

    /// <summary>SECB264: a line of <c>secrets/recipients.&lt;env&gt;.txt</c> is neither a recipient, a comment nor blank.</summary>
    public const string RecipientsFileInvalid = "SECB264";

    /// <summary>SECB265: a recipient entry of the store is malformed, altered, or copied from another store.</summary>
    public const string RecipientEntryTampered = "SECB265";

    /// <summary>SECB266 (warning): the recipient to add can already open the store; nothing changed.</summary>
    public const string RecipientAlreadyPresent = "SECB266";

    /// <summary>SECB267: the recipient to remove is neither in the store nor in the recipients file.</summary>
    public const string RecipientNotFound = "SECB267";

    /// <summary>SECB268 (warning): a recipient was removed and the data key rotated, but the removed party may have seen the values; they need rotating.</summary>
    public const string RemovedRecipientSawValues = "SECB268";

    /// <summary>SECB269: rotating the data key needs every remaining symmetric key or passphrase, and some are not available here.</summary>
    public const string KeysCannotBeRewrapped = "SECB269";

    /// <summary>SECB270: removing the recipient would leave no key or recipient that can open the store.</summary>
    public const string LastKeyRemoval = "SECB270";

    /// <summary>SECB271: the environment has no store yet, so there is no data key to share.</summary>
    public const string NoStoreForRecipients = "SECB271";

    /// <summary>SECB272 (warning): the recipients file and the store disagree about who can open the store.</summary>
    public const string RecipientsOutOfSync = "SECB272";
}
