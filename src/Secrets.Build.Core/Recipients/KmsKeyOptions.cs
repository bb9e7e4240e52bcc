using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Trust;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// What the KMS key operations of <see cref="SecretsManager"/> need; the MSBuild targets
/// (<c>AddSecretsKmsKey</c>, <c>RemoveSecretsKmsKey</c>, <c>ListSecretsKmsKeys</c>) fill it from their properties.
/// </summary>
public sealed record KmsKeyOptions
{
    /// <summary>The folder that holds <c>secrets/</c> (the schema's folder).</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>The environment, case-insensitive; files use lower case.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>The KMS key ARN to add or remove (<c>SecretsKmsKey</c>); not used by list.</summary>
    public string? KeyArn { get; init; }

    /// <summary>Where key and identity files live; defaults to the per-user config folder.</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>Remove only: drop the symmetric keys and passphrases not available here instead of failing (see <see cref="RecipientOptions.DropUnavailableKeys"/>).</summary>
    public bool DropUnavailableKeys { get; init; }

    /// <summary>The environment variables keys and identities are read from. Null means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>The clock for the audit trail.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What caused the operation, recorded in the audit trail (e.g. the MSBuild target).</summary>
    public string Trigger { get; init; } = "api";

    /// <summary>What this run accepts beyond the trust record, and the generation it requires (see <see cref="TrustOptions"/>).</summary>
    public TrustOptions Trust { get; init; } = TrustOptions.None;

    /// <summary>The time one KMS call may take (<c>SecretsKmsTimeoutSeconds</c>); null for 15 s.</summary>
    public KmsSettings? Kms { get; init; }
}
