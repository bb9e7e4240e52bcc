using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>What a recipient operation did and who can open the store afterwards. Never holds a value or a private key.</summary>
public sealed record RecipientResult : OperationResult
{
    /// <summary>True when the store or the recipients file was written.</summary>
    public bool Changed { get; init; }

    /// <summary>The age recipients, from the store and the recipients file together.</summary>
    public ImmutableArray<RecipientInfo> Recipients { get; init; } = ImmutableArray<RecipientInfo>.Empty;

    /// <summary>The store's other keys (symmetric keys and passphrases), as <c>kind id</c>.</summary>
    public ImmutableArray<string> OtherKeys { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>After a removal: the secrets the removed party could read, which should now be rotated.</summary>
    public ImmutableArray<string> SecretsToRotate { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The encrypted store, <c>secrets/.env.&lt;env&gt;.json</c>.</summary>
    public string StorePath { get; init; } = string.Empty;

    /// <summary>The committed recipients file, <c>secrets/recipients.&lt;env&gt;.txt</c>.</summary>
    public string RecipientsFilePath { get; init; } = string.Empty;
}

/// <summary>One age recipient of an environment.</summary>
/// <param name="Recipient">The <c>age1…</c> public key.</param>
/// <param name="Fingerprint">Its short id (16 hex digits), as the store's key list and error messages show it.</param>
/// <param name="Name">The holder, from the comment above it in the recipients file, if any.</param>
/// <param name="InStore">True when the store holds a wrapping for it, i.e. it can open the store.</param>
/// <param name="InFile">True when the recipients file lists it.</param>
public sealed record RecipientInfo(string Recipient, string Fingerprint, string? Name, bool InStore, bool InFile)
{
    /// <summary>One line for a build log: fingerprint, key, name and any disagreement between store and file.</summary>
    public override string ToString()
    {
        var state = (InStore, InFile) switch
        {
            (true, true) => string.Empty,
            (true, false) => " [in the store, missing from the recipients file]",
            _ => " [in the recipients file, cannot open the store yet]",
        };
        return $"age {Fingerprint}  {Recipient}{(Name is null ? string.Empty : "  # " + Name)}{state}";
    }
}
