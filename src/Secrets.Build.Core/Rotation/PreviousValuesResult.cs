using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>The earlier values the store keeps. The only result that carries values: never log it whole.</summary>
public sealed record PreviousValuesResult : OperationResult
{
    /// <summary>Earlier values in schema order, oldest first within a secret.</summary>
    public ImmutableArray<PreviousValue> Values { get; init; } = ImmutableArray<PreviousValue>.Empty;

    /// <summary>Counts only; never a value.</summary>
    public override string ToString() => $"PreviousValuesResult {{ Values = {Values.Length}, Diagnostics = {Diagnostics.Length} }}";
}

/// <summary>One earlier value of a secret.</summary>
/// <param name="Name">The secret.</param>
/// <param name="Version">The version the value had.</param>
/// <param name="RetiredAt">When the next version replaced it.</param>
/// <param name="InGracePeriod">True while it is also written to <c>.env</c> as <c>NAME__PREVIOUS</c>.</param>
/// <param name="Value">The value itself.</param>
public sealed record PreviousValue(string Name, int Version, DateTimeOffset RetiredAt, bool InGracePeriod, string Value)
{
    /// <summary>Name and version only: the value never reaches a log.</summary>
    public override string ToString() => $"PreviousValue {{ Name = {Name}, Version = {Version}, RetiredAt = {RetiredAt:O}, InGracePeriod = {InGracePeriod} }}";
}
