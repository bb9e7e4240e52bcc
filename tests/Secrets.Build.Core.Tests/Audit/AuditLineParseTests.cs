using System.Text;
using Secrets.Build.Core.Audit;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>
/// How a single trail line is read: what counts as its seq, kid and prev, and which problem a
/// damaged line reports first. Every build parses the trail's last line before appending.
/// </summary>
public sealed class AuditLineParseTests
{
    private static readonly byte[] Mac = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly string Prev = Convert.ToBase64String(new byte[32]);

    private static byte[] WithMac(string signed) => AuditLineFormat.Line(Encoding.UTF8.GetBytes(signed), Mac)[..^1];

    [Fact]
    public void A_well_formed_line_gives_its_seq_kid_prev_and_mac()
    {
        var signed = $"{{\"seq\":7,\"event\":\"accessed\",\"kid\":\"k1\",\"prev\":\"{Prev}\"}}";

        Assert.True(AuditLineFormat.TryParse(WithMac(signed), out var line, out var problem), problem);
        Assert.Equal(7, line!.Sequence);
        Assert.Equal("k1", line.KeyId);
        Assert.Equal(new byte[32], line.Previous);
        Assert.Equal(Mac, line.Mac);
        Assert.Equal(signed, Encoding.UTF8.GetString(line.SignedBytes));
    }

    [Fact]
    public void A_member_given_twice_counts_by_its_last_occurrence_and_escaped_names_match()
    {
        var signed = "{\"seq\":\"x\",\"nested\":{\"seq\":1,\"a\":[1,{\"kid\":2}]},\"s\\u0065q\":9,\"kid\":\"old\",\"kid\":\"new\"}";

        Assert.True(AuditLineFormat.TryParse(WithMac(signed), out var line, out var problem), problem);
        Assert.Equal(9, line!.Sequence);
        Assert.Equal("new", line.KeyId);
        Assert.Null(line.Previous);
    }

    [Theory]
    [InlineData("{\"seq\":1,\"kid\":\"k\"", "the line is not valid JSON")]
    [InlineData("   ", "the line is not valid JSON")]
    [InlineData("{\"seq\":1,\"kid\":\"k\",}", "the line is not valid JSON")]
    [InlineData("{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", "the line is not valid JSON")]
    [InlineData("{\"seq\":1,\"kid\":\"k\"} x", "the line has text after its closing '}'")]
    [InlineData("[1,2] ", "the line is JSON but not an object")]
    [InlineData("\"text\"", "the line is JSON but not an object")]
    [InlineData("{\"kid\":\"k\"}", "the line has no positive whole-number \"seq\"")]
    [InlineData("{\"seq\":\"1\",\"kid\":\"k\"}", "the line has no positive whole-number \"seq\"")]
    [InlineData("{\"seq\":0,\"kid\":\"k\"}", "the line has no positive whole-number \"seq\"")]
    [InlineData("{\"seq\":1.5,\"kid\":\"k\"}", "the line has no positive whole-number \"seq\"")]
    [InlineData("{\"seq\":1,\"seq\":-1,\"kid\":\"k\"}", "the line has no positive whole-number \"seq\"")]
    [InlineData("{\"seq\":1}", "the line has no \"kid\" (chain key id)")]
    [InlineData("{\"seq\":1,\"kid\":null}", "the line has no \"kid\" (chain key id)")]
    [InlineData("{\"seq\":1,\"kid\":\"k\",\"prev\":\"AAAA\"}", "the line's \"prev\" is not a base64 32-byte MAC")]
    [InlineData("{\"seq\":1,\"kid\":\"k\",\"prev\":null}", "the line's \"prev\" is not a base64 32-byte MAC")]
    [InlineData("{\"seq\":1,\"kid\":\"k\",\"prev\":\"!!\"}", "the line's \"prev\" is not a base64 32-byte MAC")]
    [InlineData("{\"seq\":1,\"kid\":\"k\"}", "the line does not end with a base64 32-byte \"mac\" member")]
    public void A_damaged_line_reports_its_first_problem(string text, string expected)
    {
        Assert.False(AuditLineFormat.TryParse(Encoding.UTF8.GetBytes(text), out var line, out var problem));
        Assert.Null(line);
        Assert.Equal(expected, problem);
    }
}
