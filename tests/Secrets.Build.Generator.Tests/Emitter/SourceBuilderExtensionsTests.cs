using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Secrets.Build.Generator.Emit;

namespace Secrets.Build.Generator.Tests.Emitter;

/// <summary>The emitter's shortcuts must write exactly what the general escaping would.</summary>
public sealed class SourceBuilderExtensionsTests
{
    public static TheoryData<string> Texts => new()
    {
        string.Empty,
        "POSTGRES_PASSWORD",
        "Plain text ~ with spaces, punctuation: !#$%&'()*+,-./;=?@[]^_`{|}",
        "a \"quoted\" word",
        "back\\slash",
        "tab\tand\r\nnew line",
        "nul\0 and bell\a",
        "del\u007f",
        "Clé ünïcode",
        "emoji 🔑",
        "lone \ud800 surrogate",
        "<tag> & more",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Literal_is_what_Roslyn_formats(string text) =>
        Assert.Equal(SymbolDisplay.FormatLiteral(text, quote: true), new StringBuilder().AppendLiteral(text).ToString());

    [Theory]
    [MemberData(nameof(Texts))]
    public void Xml_text_escapes_markup_and_flattens_lines(string text)
    {
        var expected = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

        Assert.Equal(expected, new StringBuilder().AppendXml(text).ToString());
    }
}
