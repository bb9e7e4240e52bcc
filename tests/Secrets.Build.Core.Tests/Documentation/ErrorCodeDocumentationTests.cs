using System.Reflection;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Documentation;

/// <summary>Every SECB code a user can see is explained in the README's error-code table.</summary>
public sealed class ErrorCodeDocumentationTests
{
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
            $"README.md has no row for {string.Join(", ", undocumented)}. Run: python3 build/error-codes.py and update the table.");
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
}
