namespace Secrets.Build.Core.Store;

/// <summary>What <see cref="SecretStore.Set"/> did.</summary>
internal enum SetOutcome
{
    /// <summary>The store already held this exact value; nothing changed, not even its ciphertext.</summary>
    Unchanged,

    /// <summary>A new secret, stored as version 1.</summary>
    Added,

    /// <summary>A new value for an existing secret: the version went up and the old one was retired.</summary>
    Changed,
}
