namespace Secrets.Build.Core.Diagnostics;

/// <summary>
/// Where a diagnostic applies: a file and a 1-based line and column, plus the character
/// span so an IDE can underline it. <see cref="Line"/> is 0 when the position is unknown.
/// </summary>
public sealed record SourceLocation(
    string? File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    int Offset,
    int Length)
{
    /// <summary>A location that names only a file.</summary>
    internal static SourceLocation ForFile(string? file) => new(file, 0, 0, 0, 0, 0, 0);

    /// <summary>The form MSBuild and compilers print: <c>file(line,column)</c>.</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}({Line},{Column})" : File ?? string.Empty;
}
