using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Provisioning;

/// <summary>What a provisioning run did. Holds names and paths, never values.</summary>
public sealed record ProvisionResult : OperationResult
{
    /// <summary>Names of the secrets generated in this run.</summary>
    public ImmutableArray<string> Generated { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Names of external secrets captured or updated from the environment in this run.</summary>
    public ImmutableArray<string> Captured { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Names of the schema's external secrets, the environment variables their values come from,
    /// whether or not this run captured one. Empty when the schema could not be read.
    /// </summary>
    public ImmutableArray<string> ExternalSecrets { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The encrypted store, <c>secrets/.env.&lt;env&gt;.json</c>.</summary>
    public string StorePath { get; init; } = string.Empty;

    /// <summary>The metadata file, <c>secrets/.env.&lt;env&gt;.metadata</c>.</summary>
    public string MetadataPath { get; init; } = string.Empty;

    /// <summary>Every plaintext output written or confirmed unchanged (.env, compose override, manifest).</summary>
    public ImmutableArray<string> Outputs { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// Which key source opened or created the store, e.g. "key file /home/me/.config/…" or
    /// "aws-kms key arn:aws:kms:…" (never a key); empty when none did. <c>SecretsDebug</c> prints it.
    /// </summary>
    public string KeySource { get; init; } = string.Empty;
}
