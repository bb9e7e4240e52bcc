using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Tests.Outputs;

public sealed class EnvFileRendererTests
{
    [Fact]
    public void Writes_a_header_then_one_unquoted_line_per_safe_value_in_order()
    {
        var text = EnvFileRenderer.Render([("B_KEY", "abc+/=:@%,^-_."), ("A_KEY", "XYZ")], "Development");

        var lines = text.Split('\n');
        Assert.StartsWith("# ", lines[0]);
        Assert.Contains("'development'", lines[0]);
        Assert.Equal(["B_KEY=abc+/=:@%,^-_.", "A_KEY=XYZ", string.Empty], lines.Where(l => !l.StartsWith('#')));
        Assert.DoesNotContain('\r', text);
    }

    [Theory]
    [InlineData("two words", "'two words'")]
    [InlineData("cost $5", "'cost $5'")]
    [InlineData("a\\b", "'a\\b'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("", "")]
    public void Chooses_the_form_every_reader_agrees_on(string value, string written)
    {
        var text = EnvFileRenderer.Render([("KEY", value)], "dev");

        Assert.Contains($"\nKEY={written}\n", text);
    }

    [Theory]
    [MemberData(nameof(EnvTestValues.Refused), MemberType = typeof(EnvTestValues))]
    public void Refuses_a_value_no_form_can_carry_naming_the_variable_but_not_the_value(string label, string value)
    {
        var error = Assert.Throws<SecretsException>(() =>
            EnvFileRenderer.Render([("OK", "fine"), ("IMPORTED_TOKEN", value)], "dev"));

        Assert.Equal(DiagnosticCodes.EnvValueNotRepresentable, error.Code);
        Assert.Contains("IMPORTED_TOKEN", error.Message);
        Assert.False(error.Message.Contains(value, StringComparison.Ordinal), $"{label}: the message shows the value.");
        Assert.NotNull(error.Diagnostics[0].Fix);
    }

    [Fact]
    public void Refuses_a_value_that_is_not_valid_unicode()
    {
        // Built here, not in theory data: serializing theory data replaces a lone surrogate with U+FFFD.
        var value = "bad" + '\uD800' + "unicode";

        var error = Assert.Throws<SecretsException>(() => EnvFileRenderer.Render([("IMPORTED", value)], "dev"));

        Assert.Equal(DiagnosticCodes.EnvValueNotRepresentable, error.Code);
        Assert.Contains("IMPORTED", error.Message);
    }

    [Theory]
    [InlineData("1ST")]
    [InlineData("HAS-DASH")]
    [InlineData("HAS SPACE")]
    [InlineData("")]
    public void Refuses_a_name_that_is_not_a_variable_name(string name)
    {
        var error = Assert.Throws<SecretsException>(() => EnvFileRenderer.Render([(name, "v")], "dev"));

        Assert.Equal(DiagnosticCodes.InvalidVariableName, error.Code);
    }

    [Fact]
    public void Refuses_a_name_given_twice()
    {
        var error = Assert.Throws<SecretsException>(() => EnvFileRenderer.Render([("KEY", "a"), ("KEY", "b")], "dev"));

        Assert.Equal(DiagnosticCodes.DuplicateVariable, error.Code);
    }

    [Theory]
    [InlineData("../prod")]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("prod.1")]
    public void Refuses_an_environment_name_that_is_not_a_plain_file_name_part(string environment)
    {
        var error = Assert.Throws<SecretsException>(() => EnvFileRenderer.Render([("KEY", "a")], environment));

        Assert.Equal(DiagnosticCodes.InvalidEnvironmentName, error.Code);
    }
}
