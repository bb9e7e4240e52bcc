using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Tests.Outputs;

public sealed class EnvFileParserTests
{
    [Fact]
    public void Reads_comments_blank_lines_export_quotes_and_line_numbers()
    {
        const string text = "\uFEFF# header\n\nexport A=plain\nB = spaced   # comment\nC='single # kept'\n  D=\"double\\n\\\"x\\\"\"  # c\nE=\nF='multi\nline'\nG=after\n";

        var result = EnvFileParser.Parse(text, ".env.dev");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            [("A", "plain", 3), ("B", "spaced", 4), ("C", "single # kept", 5), ("D", "double\n\"x\"", 6), ("E", "", 7), ("F", "multi\nline", 8), ("G", "after", 10)],
            result.Entries.Select(e => (e.Name, e.Value, e.Line)));
    }

    [Fact]
    public void Reads_crlf_files_like_lf_files()
    {
        var result = EnvFileParser.Parse("A=1\r\nB='x\r\ny'\r\nC=3\r\n", null);

        Assert.Empty(result.Diagnostics);
        Assert.Equal([("A", "1", 1), ("B", "x\ny", 2), ("C", "3", 4)], result.Entries.Select(e => (e.Name, e.Value, e.Line)));
    }

    [Fact]
    public void A_line_without_equals_is_an_error_at_its_line_and_parsing_goes_on()
    {
        var result = EnvFileParser.Parse("A=1\nJUST_A_WORD\nB=2\n", ".env.dev");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EnvFileSyntax, error.Code);
        Assert.Equal((".env.dev", 2, 1), (error.Location!.File, error.Location.Line, error.Location.Column));
        Assert.False(result.Succeeded);
        Assert.Equal(["A", "B"], result.Entries.Select(e => e.Name));
    }

    [Fact]
    public void An_unterminated_quote_is_reported_at_the_opening_quote_without_the_value()
    {
        var result = EnvFileParser.Parse("A=1\nTOKEN='s3cr3t-value\nB=2\n", ".env.dev");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EnvFileUnterminatedQuote, error.Code);
        Assert.Equal((2, 7), (error.Location!.Line, error.Location.Column));
        Assert.Contains("TOKEN", error.Message);
        Assert.DoesNotContain("s3cr3t", error.ToString());
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_without_the_value()
    {
        var result = EnvFileParser.Parse("TOKEN='abc'def-secret\n", null);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.EnvFileSyntax, error.Code);
        Assert.DoesNotContain("def-secret", error.ToString());
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void A_repeated_name_is_an_error_naming_both_lines()
    {
        var result = EnvFileParser.Parse("A=1\nB=2\nA=3\n", null);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DuplicateVariable, error.Code);
        Assert.Equal(3, error.Location!.Line);
        Assert.Contains("line 1", error.Message);
    }

    [Fact]
    public void An_invalid_name_is_an_error()
    {
        var result = EnvFileParser.Parse("1BAD=x\n", null);

        Assert.Equal(DiagnosticCodes.InvalidVariableName, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_dollar_outside_single_quotes_is_read_literally_with_a_warning()
    {
        var result = EnvFileParser.Parse("A=pa$$word\nB='pa$$word'\n", null);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.EnvFileAmbiguousExpansion, SecretsSeverity.Warning, 1), (warning.Code, warning.Severity, warning.Location!.Line));
        Assert.True(result.Succeeded);
        Assert.All(result.Entries, e => Assert.Equal("pa$$word", e.Value));
    }

    [Fact]
    public void Entries_never_print_their_value()
    {
        var entry = Assert.Single(EnvFileParser.Parse("TOKEN=very-secret\n", null).Entries);

        Assert.DoesNotContain("very-secret", entry.ToString());
    }
}
