using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Rotation;

/// <summary>What a rotation did. Names, versions and paths; never a value.</summary>
public sealed record RotateResult
{
    /// <summary>Every error and warning, in the order found.</summary>
    public ImmutableArray<SecretsDiagnostic> Diagnostics { get; init; } = ImmutableArray<SecretsDiagnostic>.Empty;

    /// <summary>True when no error was reported.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

    /// <summary>The secrets that got a new value, with their new version.</summary>
    public ImmutableArray<RotatedSecret> Rotated { get; init; } = ImmutableArray<RotatedSecret>.Empty;

    /// <summary>Selected secrets that were not rotated (external ones, or not provisioned yet); the diagnostics say why.</summary>
    public ImmutableArray<string> Skipped { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The encrypted store.</summary>
    public string StorePath { get; init; } = string.Empty;

    /// <summary>Every plaintext output rewritten.</summary>
    public ImmutableArray<string> Outputs { get; init; } = ImmutableArray<string>.Empty;
}

/// <summary>One rotated secret.</summary>
/// <param name="Name">The secret.</param>
/// <param name="Version">Its new version; the one before stays readable as a retired version.</param>
/// <param name="NextRotation">When the new value is due.</param>
public sealed record RotatedSecret(string Name, int Version, DateTimeOffset NextRotation);
