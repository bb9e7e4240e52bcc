using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>What a rotation did. Names, versions and paths; never a value.</summary>
public sealed record RotateResult : OperationResult
{
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
