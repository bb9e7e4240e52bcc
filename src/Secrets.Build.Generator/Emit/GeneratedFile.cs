using Microsoft.CodeAnalysis.Text;

namespace Secrets.Build.Generator.Emit;

/// <summary>One source file the generator adds: its hint name and its text.</summary>
/// <param name="HintName">The name the file gets among the generated sources.</param>
/// <param name="Text">The source, encoded as UTF-8 when written out.</param>
internal sealed record GeneratedFile(string HintName, SourceText Text)
{
    /// <summary>The source as one string (tests compare it with stored files).</summary>
    public string Source => Text.ToString();
}
