using Secrets.Build.Core.Trust;
namespace Secrets.Build.Core.Workspace;

/// <summary>
/// What every operation on an existing environment needs (rotate values, rotate keys, import,
/// check due dates); the MSBuild targets fill it from the same properties as provisioning.
/// </summary>
public abstract record LifecycleOptions
{
    /// <summary>The <c>secrets.schema.json</c> to read.</summary>
    public required string SchemaPath { get; init; }

    /// <summary>Where <c>secrets/</c> and the outputs live; defaults to the schema's folder.</summary>
    public string? WorkspacePath { get; init; }

    /// <summary>The environment, case-insensitive; files use lower case.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>Where key files live; defaults to the per-user config folder.</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>
    /// The environment variables keys are read from. Null means the process environment; tests
    /// pass their own so nothing leaks in from the machine.
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>Overrides every category's rotation period (<c>SECRET_ROTATION_DAYS</c>).</summary>
    public int? RotationDaysOverride { get; init; }

    /// <summary>The clock for rotated, retired and due dates.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether an existing <c>.env.&lt;env&gt;</c>, compose override or Kubernetes manifest that Secrets.Build
    /// did not write (no <see cref="Outputs.OutputMarker"/> line) is moved to <c>secrets/backup/&lt;time&gt;/</c>
    /// and replaced. False (the default) refuses with SECB310 and writes nothing.
    /// </summary>
    public bool ReplaceForeignOutputs { get; init; }

    /// <summary>What caused the run, recorded in the audit trail (e.g. the MSBuild target).</summary>
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
