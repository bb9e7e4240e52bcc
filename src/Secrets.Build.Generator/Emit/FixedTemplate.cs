namespace Secrets.Build.Generator.Emit;

/// <summary>
/// A template that is the same for every schema, split into lines once per process in each of its
/// forms: with its nullable markers (<c>/*?*/</c>) as annotations or dropped for consumers older
/// than C# 8, and with its accessibility marker (<c>/*accessibility*/</c>) as <c>internal</c> or
/// <c>public</c>. Each run then only copies lines.
/// </summary>
internal sealed class FixedTemplate
{
    private const string NullableMarker = "/*?*/";
    private const string AccessibilityMarker = "/*accessibility*/";

    // The indentation a namespace adds to each line.
    private const int MaxIndent = 4;

    // Indexed by Form(nullableAnnotations, isPublic).
    private readonly string[][] forms = new string[4][];

    public FixedTemplate(string text)
    {
        var normalized = text.Replace("\r\n", "\n").TrimEnd('\n');
        foreach (var nullable in new[] { false, true })
        {
            foreach (var isPublic in new[] { false, true })
            {
                forms[Form(nullable, isPublic)] = normalized
                    .Replace(NullableMarker, nullable ? "?" : string.Empty)
                    .Replace(AccessibilityMarker, isPublic ? "public" : "internal")
                    .Split('\n');
            }
        }

        Length = normalized.Length + (MaxIndent * forms[0].Length);
    }

    /// <summary>At most the characters one copy takes, indented inside a namespace: sizes the writer.</summary>
    public int Length { get; }

    /// <summary>Writes every line with <paramref name="indent"/> before it; empty lines stay empty.</summary>
    public void WriteTo(SourceWriter writer, string indent, bool nullableAnnotations, bool isPublic)
    {
        foreach (var line in forms[Form(nullableAnnotations, isPublic)])
        {
            if (line.Length > 0)
            {
                writer.Append(indent).Append(line);
            }

            writer.Append('\n');
        }
    }

    private static int Form(bool nullableAnnotations, bool isPublic) => (nullableAnnotations ? 1 : 0) + (isPublic ? 2 : 0);
}
