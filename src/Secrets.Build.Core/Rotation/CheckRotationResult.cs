using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>Where every stored secret stands against its rotation period.</summary>
/// <remarks><see cref="OperationResult.Diagnostics"/> holds SECB501 (due soon), SECB502 (overdue; an error when enforced) and any problem reading the metadata.</remarks>
public sealed record CheckRotationResult : OperationResult
{
    /// <summary>One entry per declared secret the metadata knows, in schema order.</summary>
    public ImmutableArray<RotationStatus> Statuses { get; init; } = ImmutableArray<RotationStatus>.Empty;
}
