using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// What the recipient operations of <see cref="SecretsManager"/> need; the MSBuild targets
/// (<c>AddSecretsRecipient</c>, <c>RemoveSecretsRecipient</c>, <c>ListSecretsRecipients</c>) fill it from their properties.
/// </summary>
public sealed record RecipientOptions : OperationOptions
{
    /// <summary>The age public key (<c>age1…</c>) to add or remove; not used by list.</summary>
    public string? Recipient { get; init; }

    /// <summary>Who or what holds the recipient's identity (e.g. "Alice Martin, laptop" or "CI build server"), written as its comment.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Remove only: when rotating the data key, drop the symmetric keys and passphrases whose key is
    /// not available here instead of failing. Their holders then need to be added as recipients.
    /// </summary>
    public bool DropUnavailableKeys { get; init; }
}
