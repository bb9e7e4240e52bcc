using System.Text.RegularExpressions;

namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>One C# block of the README, with the schema shown last before it.</summary>
/// <param name="Code">The block as a reader copies it.</param>
/// <param name="Schema">The nearest ```json block above it, or null.</param>
internal sealed record ReadmeSnippet(string Code, string? Schema);

/// <summary>The README's code blocks, read from the file at test time, so the tests run what readers paste.</summary>
internal static partial class ReadmeSnippets
{
    public static IReadOnlyList<ReadmeSnippet> CSharp { get; } = Read();

    /// <summary>The one C# block that contains <paramref name="text"/>.</summary>
    public static ReadmeSnippet Containing(string text) => CSharp.Single(snippet => snippet.Code.Contains(text, StringComparison.Ordinal));

    private static List<ReadmeSnippet> Read()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n");
        var snippets = new List<ReadmeSnippet>();
        string? schema = null;
        foreach (Match block in FencedBlock().Matches(readme))
        {
            var language = block.Groups["language"].Value;
            var code = block.Groups["code"].Value;
            if (language == "json")
            {
                schema = code;
            }
            else if (language == "csharp")
            {
                snippets.Add(new ReadmeSnippet(code, schema));
            }
        }

        return snippets;
    }

    [GeneratedRegex(@"^```(?<language>[a-z]*)\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
