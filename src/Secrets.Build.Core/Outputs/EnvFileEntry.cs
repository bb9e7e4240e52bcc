namespace Secrets.Build.Core.Outputs;

/// <summary>One variable read from a <c>.env</c> file.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The value as the readers see it (quotes removed, escapes applied).</param>
/// <param name="Line">The 1-based line the declaration starts on.</param>
internal sealed record EnvFileEntry(string Name, string Value, int Line)
{
    /// <summary>Name and line only: the value never reaches a log.</summary>
    public override string ToString() => $"{Name} (line {Line})";
}
