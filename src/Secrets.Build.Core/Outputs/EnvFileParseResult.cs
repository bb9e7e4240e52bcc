using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Outputs;

/// <summary>What <see cref="EnvFileParser"/> read: the entries in file order and every problem found.</summary>
internal sealed record EnvFileParseResult(ImmutableArray<EnvFileEntry> Entries, ImmutableArray<SecretsDiagnostic> Diagnostics)
{
    /// <summary>True when no error was found (warnings allowed).</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

    /// <summary>Entry count and diagnostics only: values never reach a log.</summary>
    public override string ToString() => $"{Entries.Length} entries, {Diagnostics.Length} diagnostics";
}
