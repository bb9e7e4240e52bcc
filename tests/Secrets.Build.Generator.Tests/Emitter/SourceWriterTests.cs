using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Secrets.Build.Generator.Emit;

namespace Secrets.Build.Generator.Tests.Emitter;

/// <summary>
/// The writer's shortcuts must write exactly what the general escaping would, and the chunked text
/// it hands the compiler must read, hash and encode exactly like one string with the same characters.
/// </summary>
public sealed class SourceWriterTests
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

    public static TheoryData<int> Numbers => new() { 0, 7, 10, 90, 365, 9999, 123456, int.MaxValue, -5, int.MinValue };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Literal_is_what_Roslyn_formats(string text) =>
        Assert.Equal(SymbolDisplay.FormatLiteral(text, quote: true), new SourceWriter(16).AppendLiteral(text).ToString());

    [Theory]
    [MemberData(nameof(Texts))]
    public void Xml_text_escapes_markup_and_flattens_lines(string text)
    {
        var expected = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");

        Assert.Equal(expected, new SourceWriter(16).AppendXml(text).ToString());
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public void Numbers_are_written_in_invariant_form(int number) =>
        Assert.Equal(number.ToString(CultureInfo.InvariantCulture), new SourceWriter(16).AppendNumber(number).ToString());

    [Theory]
    [InlineData(16)]
    [InlineData(1_000_000)]
    public void Text_over_several_chunks_reads_like_one_string_however_the_writer_was_sized(int expectedLength)
    {
        var (writer, expected) = WriteLines(lines: 12_000, expectedLength);
        var text = writer.ToSourceText();
        var reference = SourceText.From(expected, Encoding.UTF8);

        Assert.Equal(expected.Length, text.Length);
        Assert.Equal(expected, text.ToString());
        Assert.True(text.ContentEquals(reference));
        Assert.Equal(reference.Lines.Count, text.Lines.Count);
        Assert.Equal(Convert.ToHexString(reference.GetChecksum().AsSpan()), Convert.ToHexString(text.GetChecksum().AsSpan()));
        Assert.Same(Encoding.UTF8, text.Encoding);
    }

    [Fact]
    public void A_low_estimate_only_adds_chunks_and_every_position_still_reads_right()
    {
        var (writer, expected) = WriteLines(lines: 5_000, expectedLength: 64);
        var text = writer.ToSourceText();

        for (var position = 0; position < expected.Length; position += 997)
        {
            Assert.Equal(expected[position], text[position]);
        }

        Assert.Equal(expected, text.ToString());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(16 + (64 * 1024))]
    public void Copies_and_spans_across_a_chunk_boundary_are_exact(int boundary)
    {
        // Written with room for 16 characters: the next chunks hold 64 Ki each.
        var (writer, expected) = WriteLines(lines: 5_000, expectedLength: 16);
        var text = writer.ToSourceText();
        var span = TextSpan.FromBounds(boundary - 10, boundary + 10);

        var copy = new char[span.Length + 4];
        text.CopyTo(span.Start, copy, 2, span.Length);
        using var written = new StringWriter();
        text.Write(written, span);

        Assert.Equal(expected.Substring(span.Start, span.Length), new string(copy, 2, span.Length));
        Assert.Equal(expected.Substring(span.Start, span.Length), written.ToString());
        Assert.Equal(expected.Substring(span.Start, span.Length), text.ToString(span));
        Assert.Equal(expected[boundary], text[boundary]);
        Assert.Equal(expected[boundary - 1], text[boundary - 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text[expected.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(expected.Length - 1, copy, 0, 2));
    }

    private static (SourceWriter Writer, string Expected) WriteLines(int lines, int expectedLength = 1_000_000)
    {
        var writer = new SourceWriter(expectedLength);
        var expected = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            writer.Append("    public static string Secret").AppendNumber(i).Append(" => \"").Append('v').Append("\";\n");
            expected.Append("    public static string Secret").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" => \"v\";\n");
        }

        return (writer, expected.ToString());
    }
}
