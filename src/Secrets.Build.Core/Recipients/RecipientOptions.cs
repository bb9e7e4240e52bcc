using Secrets.Build.Core.Trust;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// What the recipient operations of <see cref="SecretsManager"/> need; the MSBuild targets
/// (<c>AddSecretsRecipient</c>, <c>RemoveSecretsRecipient</c>, <c>ListSecretsRecipients</c>) fill it from their properties.
/// </summary>
public sealed record RecipientOptions
{
    /// <summary>The folder that holds <c>secrets/</c> (the schema's folder).</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>The environment, case-insensitive; files use lower case.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>The age public key (<c>age1…</c>) to add or remove; not used by list.</summary>
    public string? Recipient { get; init; }

    /// <summary>Who or what holds the recipient's identity (e.g. "Alice Martin, laptop" or "CI build server"), written as its comment.</summary>
    public string? Name { get; init; }

    /// <summary>Where key and identity files live; defaults to the per-user config folder.</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>
    /// Remove only: when rotating the data key, drop the symmetric keys and passphrases whose key is
    /// not available here instead of failing. Their holders then need to be added as recipients.
    /// </summary>
    public bool DropUnavailableKeys { get; init; }

    /// <summary>The environment variables keys and identities are read from. Null means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>The clock for the audit trail.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What caused the operation, recorded in the audit trail (e.g. the MSBuild target).</summary>
    public string Trigger { get; init; } = "api";

    /// <summary>What this run accepts beyond the trust record, and the generation it requires (see <see cref="TrustOptions"/>).</summary>
    public TrustOptions Trust { get; init; } = TrustOptions.None;

    /// <summary>
    /// The KMS keys that wrap a store created here, and the time one KMS call may take
    /// (<c>SecretsKmsKeys</c>, <c>SecretsKmsTimeoutSeconds</c>; see <see cref="Kms.KmsSettings.Resolve"/>).
    /// Null reads the keys from <c>SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;</c> with a 15 s timeout.
    /// </summary>
    public Kms.KmsSettings? Kms { get; init; }
}
