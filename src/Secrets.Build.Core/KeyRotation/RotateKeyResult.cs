using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.KeyRotation;

/// <summary>What a key rotation did. Key ids and paths; never a key.</summary>
public sealed record RotateKeyResult : OperationResult
{
    /// <summary>The key ids (<c>kind id</c>) that no longer open the store.</summary>
    public ImmutableArray<string> RetiredKeyIds { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The id (<c>kind id</c>) of the key that opens the store now.</summary>
    public string? NewKeyId { get; init; }

    /// <summary>The key file holding the new key (never its content); null for a passphrase.</summary>
    public string? NewKeyFile { get; init; }

    /// <summary>Where the old key file was kept, under a name builds do not read; null when there was none.</summary>
    public string? RetiredKeyFile { get; init; }

    /// <summary>How many values (current and retired versions) were re-encrypted.</summary>
    public int ReencryptedValues { get; init; }

    /// <summary>The encrypted store.</summary>
    public string StorePath { get; init; } = string.Empty;
}
