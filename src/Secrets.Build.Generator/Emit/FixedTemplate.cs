namespace Secrets.Build.Generator.Emit;

/// <summary>
/// A template that is the same for every schema, split into lines once per process in both of its
/// forms: with its nullable markers (<c>/*?*/</c>) as annotations, and without them for consumers
/// older than C# 8. Each run then only copies lines.
/// </summary>
internal sealed class FixedTemplate
{
    private const string NullableMarker = "/*?*/";

    // The indentation a namespace adds to each line.
    private const int MaxIndent = 4;

    private readonly string[] annotated;
    private readonly string[] plain;

    public FixedTemplate(string text)
    {
        var normalized = text.Replace("\r\n", "\n").TrimEnd('\n');
        annotated = normalized.Replace(NullableMarker, "?").Split('\n');
        plain = normalized.Replace(NullableMarker, string.Empty).Split('\n');
        Length = normalized.Length + (MaxIndent * annotated.Length);
    }

    /// <summary>At most the characters one copy takes, indented inside a namespace: sizes the writer.</summary>
    public int Length { get; }

    /// <summary>Writes every line with <paramref name="indent"/> before it; empty lines stay empty.</summary>
    public void WriteTo(SourceWriter writer, string indent, bool nullableAnnotations)
    {
        foreach (var line in nullableAnnotations ? annotated : plain)
        {
            if (line.Length > 0)
            {
                writer.Append(indent).Append(line);
            }

            writer.Append('\n');
        }
    }
}
