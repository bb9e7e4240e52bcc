using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Import;

/// <summary>What an import did. Names and paths; never a value.</summary>
public sealed record ImportResult : OperationResult
{
    /// <summary>Declared names whose value was adopted (new, or replacing another value with <see cref="ImportOptions.Overwrite"/>).</summary>
    public ImmutableArray<string> Imported { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Declared names whose value the store already held; nothing changed for them.</summary>
    public ImmutableArray<string> Unchanged { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Names in the file that the schema does not declare; left out.</summary>
    public ImmutableArray<string> NotInSchema { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Imported names whose value is weaker than their rule: kept, and due for rotation at once.</summary>
    public ImmutableArray<string> Weak { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Names whose store value differs and <see cref="ImportOptions.Overwrite"/> was not given.</summary>
    public ImmutableArray<string> Conflicts { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The encrypted store.</summary>
    public string StorePath { get; init; } = string.Empty;

    /// <summary>Every plaintext output rewritten.</summary>
    public ImmutableArray<string> Outputs { get; init; } = ImmutableArray<string>.Empty;
}
