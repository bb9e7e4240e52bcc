using System.Reflection;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.Documentation;

/// <summary>Every SECB code a user can see is explained in the README's error-code table.</summary>
public sealed class ErrorCodeDocumentationTests
{
    private const string Regenerate = "Run: python3 build/error-codes.py and replace the README's error-code table with its output.";

    [ToolFact(Tools.Python)]
    public void The_readme_table_is_exactly_what_the_script_prints()
    {
        var script = ExternalProcess.Run("python3", [Path.Combine(TestPaths.RepositoryRoot, "build", "error-codes.py")]);
        Assert.True(script.ExitCode == 0, $"build/error-codes.py failed: {script}");
        var expected = Table(script.StandardOutput, "the script's output");
        var actual = Table(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")), "README.md");

        var firstDifference = Enumerable.Range(0, Math.Max(expected.Count, actual.Count))
            .FirstOrDefault(i => i >= expected.Count || i >= actual.Count || expected[i] != actual[i], -1);
        Assert.True(firstDifference < 0,
            $"README.md's error-code table differs from the script at row {firstDifference + 1}:\n" +
            $"  README: {actual.ElementAtOrDefault(firstDifference) ?? "(no row)"}\n" +
            $"  script: {expected.ElementAtOrDefault(firstDifference) ?? "(no row)"}\n{Regenerate}");
    }

    [Fact]
    public void Every_code_has_a_row_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var codes = typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(code => code.StartsWith("SECB", StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.True(codes.Count > 50, $"found only {codes.Count} codes");
        var undocumented = codes.Where(code => !readme.Contains($"| {code} |", StringComparison.Ordinal)).Order().ToList();
        Assert.True(undocumented.Count == 0,
            $"README.md has no row for {string.Join(", ", undocumented)}. {Regenerate}");
    }

    [Fact]
    public void No_two_constants_share_a_code()
    {
        var duplicates = typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .GroupBy(f => (string)f.GetRawConstantValue()!)
            .Where(g => g.Key.StartsWith("SECB", StringComparison.Ordinal) && g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Name))}")
            .ToList();

        Assert.Empty(duplicates);
    }

    /// <summary>The error-code table in a text: its header row and every row up to the first line that is not one.</summary>
    private static List<string> Table(string text, string source)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd()).ToList();
        var header = lines.IndexOf("| code | meaning |");
        Assert.True(header >= 0, $"{source} has no '| code | meaning |' table. {Regenerate}");
        return lines.Skip(header).TakeWhile(line => line.StartsWith('|')).ToList();
    }
}
