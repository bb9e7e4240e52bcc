using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Workspace;

/// <summary>What every operation returns: its errors and warnings, in the order found. User mistakes come back here, never as exceptions.</summary>
public abstract record OperationResult
{
    /// <summary>Every error and warning, in the order found; each with its SECB code, file and fix, never a value.</summary>
    public ImmutableArray<SecretsDiagnostic> Diagnostics { get; init; } = ImmutableArray<SecretsDiagnostic>.Empty;

    /// <summary>True when no error was reported.</summary>
    public virtual bool Succeeded => !Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);
}
