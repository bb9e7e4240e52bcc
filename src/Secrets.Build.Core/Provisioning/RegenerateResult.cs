using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Provisioning;

/// <summary>What a regeneration did. Holds names and paths, never values.</summary>
/// <remarks><see cref="OperationResult.Diagnostics"/> holds the refusal, backup problems and every diagnostic of the provisioning run.</remarks>
public sealed record RegenerateResult : OperationResult
{
    /// <summary>True when the environment was regenerated.</summary>
    public override bool Succeeded => Provision is { Succeeded: true } && !Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

    /// <summary>The <c>secrets/backup/&lt;timestamp&gt;/</c> folder holding the replaced files, or null when nothing was backed up.</summary>
    public string? BackupDirectory { get; init; }

    /// <summary>The original paths of the files that were backed up and replaced.</summary>
    public ImmutableArray<string> BackedUp { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The provisioning run that created the new values, or null when the request was refused.</summary>
    public ProvisionResult? Provision { get; init; }
}
