using Secrets.Build.Core.Trust;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// What every operation on one environment of a workspace takes: where it is, which environment,
/// where its key comes from, the clock, what caused the run and what it accepts beyond the trust
/// record. Each operation's options add only what is its own.
/// </summary>
public abstract record OperationOptions
{
    /// <summary>
    /// Where <c>secrets/</c> and the outputs live. Operations that read a schema default it to the
    /// schema's folder; the others (recipients, audit verification) need it.
    /// </summary>
    public string? WorkspacePath { get; init; }

    /// <summary>The environment, case-insensitive; files use lower case.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>Where key and identity files live; defaults to the per-user config folder.</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>
    /// The environment variables keys, identities and external secrets are read from. Null means
    /// the process environment; tests pass their own so nothing leaks in from the machine.
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>The clock for created, rotated, retired and due dates and for the audit trail.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What caused the run, recorded in the audit trail (e.g. the MSBuild target).</summary>
    public string Trigger { get; init; } = "api";

    /// <summary>What this run accepts beyond the trust record, and the generation it requires (see <see cref="TrustOptions"/>).</summary>
    public TrustOptions Trust { get; init; } = TrustOptions.None;

    /// <summary>
    /// The AWS KMS key ARNs, <c>;</c>-separated, that wrap the data key of a store the operation
    /// creates (<c>SecretsKmsKeys</c>). Empty reads them from <c>SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;</c>
    /// (<c>,</c>-separated). An existing store names its own KMS keys.
    /// </summary>
    public string? KmsKeys { get; init; }

    /// <summary>The total time of one KMS call, retries included: 1 to 15 seconds (<c>SecretsKmsTimeoutSeconds</c>); empty means 15.</summary>
    public string? KmsTimeoutSeconds { get; init; }

    /// <summary>
    /// The KMS configuration of these options, or null when neither KMS option is set (the store
    /// opener then reads <c>SECRETS_BUILD_KMS_KEY_&lt;ENV&gt;</c> from the variables it reads keys from).
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">SECB737 or SECB738 when a setting is unusable.</exception>
    internal Kms.KmsSettings? KmsSettings(IReadOnlyDictionary<string, string> variables) =>
        string.IsNullOrWhiteSpace(KmsKeys) && string.IsNullOrWhiteSpace(KmsTimeoutSeconds)
            ? null
            : Kms.KmsSettings.Resolve(Environment, KmsKeys, KmsTimeoutSeconds, variables);

    /// <summary>The workspace folder, full path, for the operations that take no schema; null throws at the call.</summary>
    internal string RequiredWorkspace()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(WorkspacePath);
        return Path.GetFullPath(WorkspacePath);
    }
}
