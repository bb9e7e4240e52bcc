using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Access;

/// <summary>Decrypted current values. Carries values: never log it whole (its ToString shows counts only).</summary>
public sealed record ReadValuesResult : OperationResult
{
    /// <summary>The values in schema order, each <c>NAME__PREVIOUS</c> after the current ones.</summary>
    public ImmutableArray<SecretValue> Values { get; init; } = ImmutableArray<SecretValue>.Empty;

    /// <summary>Counts only; never a value.</summary>
    public override string ToString() => $"ReadValuesResult {{ Values = {Values.Length}, Diagnostics = {Diagnostics.Length} }}";
}

/// <summary>One variable and its value.</summary>
/// <param name="Name">The variable name: the secret's, or <c>NAME__PREVIOUS</c>.</param>
/// <param name="Value">The value itself.</param>
public sealed record SecretValue(string Name, string Value)
{
    /// <summary>The name only: the value never reaches a log.</summary>
    public override string ToString() => $"SecretValue {{ Name = {Name} }}";
}
