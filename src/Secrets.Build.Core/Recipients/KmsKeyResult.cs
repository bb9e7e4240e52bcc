using System.Collections.Immutable;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>What a KMS key operation did and which keys open the store afterwards. Never holds a value or a credential.</summary>
public sealed record KmsKeyResult : OperationResult
{
    /// <summary>True when the store was written.</summary>
    public bool Changed { get; init; }

    /// <summary>The store's KMS keys, as their ARNs, in key-list order.</summary>
    public ImmutableArray<string> KmsKeys { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The store's other keys (symmetric keys, passphrases, age recipients), as <c>kind id</c>.</summary>
    public ImmutableArray<string> OtherKeys { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>After a removal: the secrets whoever could use the removed key could read, which should now be rotated.</summary>
    public ImmutableArray<string> SecretsToRotate { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The encrypted store, <c>secrets/.env.&lt;env&gt;.json</c>.</summary>
    public string StorePath { get; init; } = string.Empty;
}
