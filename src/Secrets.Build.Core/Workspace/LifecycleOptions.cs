using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// The options of every operation that reads the schema (provision, rotate values, rotate keys,
/// import, check due dates, read values, report): the schema, and what decides due dates and
/// outputs. The MSBuild targets fill them from the same properties.
/// </summary>
public abstract record LifecycleOptions : OperationOptions
{
    /// <summary>The <c>secrets.schema.json</c> to read; the workspace defaults to its folder.</summary>
    public required string SchemaPath { get; init; }

    /// <summary>
    /// <see cref="SchemaPath"/> as the caller has already read and parsed it, so a command that runs
    /// several operations (<c>secrets-build status</c>) reads the file once; null reads the file.
    /// The caller reports its warnings: the operation adds only its errors, so it fails as if it had read the file.
    /// </summary>
    internal SchemaParseResult? LoadedSchema { get; init; }

    /// <summary>Overrides every category's rotation period (<c>SECRET_ROTATION_DAYS</c>).</summary>
    public int? RotationDaysOverride { get; init; }

    /// <summary>
    /// Whether an existing <c>.env.&lt;env&gt;</c>, compose override or Kubernetes manifest that Secrets.Build
    /// did not write (no <see cref="Outputs.OutputMarker"/> line) is moved to <c>secrets/backup/&lt;time&gt;/</c>
    /// and replaced. False (the default) refuses with SECB310 and writes nothing.
    /// </summary>
    public bool ReplaceForeignOutputs { get; init; }
}
