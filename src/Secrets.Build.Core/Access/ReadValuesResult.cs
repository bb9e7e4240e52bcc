using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Access;

/// <summary>Decrypted current values. Carries values: never log it whole (its ToString shows counts only).</summary>
public sealed record ReadValuesResult
{
    /// <summary>Every error and warning, in the order found.</summary>
    public ImmutableArray<SecretsDiagnostic> Diagnostics { get; init; } = ImmutableArray<SecretsDiagnostic>.Empty;

    /// <summary>True when no error was reported.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

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
