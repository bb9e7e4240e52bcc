using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// What the KMS key operations of <see cref="SecretsManager"/> need; the MSBuild targets
/// (<c>AddSecretsKmsKey</c>, <c>RemoveSecretsKmsKey</c>, <c>ListSecretsKmsKeys</c>) fill it from their properties.
/// </summary>
public sealed record KmsKeyOptions : OperationOptions
{
    /// <summary>The KMS key ARN to add or remove (<c>SecretsKmsKey</c>); not used by list.</summary>
    public string? KeyArn { get; init; }

    /// <summary>Remove only: drop the symmetric keys and passphrases not available here instead of failing (see <see cref="RecipientOptions.DropUnavailableKeys"/>).</summary>
    public bool DropUnavailableKeys { get; init; }
}
