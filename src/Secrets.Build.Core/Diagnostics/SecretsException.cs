using System;
using System.Linq;
using System.Collections.Immutable;

namespace Secrets.Build.Core.Diagnostics;

/// <summary>
/// Thrown by the public API when an operation cannot go on. It carries the diagnostics
/// that explain why; its message never contains a secret value.
/// </summary>
internal sealed class SecretsException : Exception
{
    /// <summary>An exception for one problem.</summary>
    public SecretsException(SecretsDiagnostic diagnostic)
        : this(ImmutableArray.Create(diagnostic))
    {
    }

    /// <summary>An exception for several problems; its message lists each one.</summary>
    public SecretsException(ImmutableArray<SecretsDiagnostic> diagnostics)
        : base(string.Join("\n", diagnostics.Select(d => d.ToString())))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, errors first in the order they were found.</summary>
    public ImmutableArray<SecretsDiagnostic> Diagnostics { get; }

    /// <summary>The code of the first error, the one a caller usually branches on.</summary>
    public string Code => Diagnostics.IsDefaultOrEmpty ? string.Empty : Diagnostics[0].Code;
}
