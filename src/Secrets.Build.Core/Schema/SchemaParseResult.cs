using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Schema;

/// <summary>The outcome of reading a schema: the model when there was no error, and every diagnostic.</summary>
internal sealed record SchemaParseResult(SecretsSchema? Schema, ImmutableArray<SecretsDiagnostic> Diagnostics)
{
    /// <summary>True when a schema was produced (warnings allowed).</summary>
    public bool Succeeded => Schema is not null;
}
