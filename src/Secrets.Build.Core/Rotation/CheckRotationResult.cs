using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Rotation;

/// <summary>Where every stored secret stands against its rotation period.</summary>
public sealed record CheckRotationResult
{
    /// <summary>SECB501 (due soon), SECB502 (overdue; an error when enforced) and any problem reading the metadata.</summary>
    public ImmutableArray<SecretsDiagnostic> Diagnostics { get; init; } = ImmutableArray<SecretsDiagnostic>.Empty;

    /// <summary>True when no error was reported.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

    /// <summary>One entry per declared secret the metadata knows, in schema order.</summary>
    public ImmutableArray<RotationStatus> Statuses { get; init; } = ImmutableArray<RotationStatus>.Empty;
}
