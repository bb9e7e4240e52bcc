using System.Text;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>Whatever a trail file holds, verification ends in a diagnostic, never an unhandled exception.</summary>
public sealed class AuditHostileInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly AuditTrail _trail;

    public AuditHostileInputTests()
    {
        _trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        _trail.Append(AuditTestKit.Events(2));
    }

    public void Dispose() => _dir.Dispose();

    private string TrailPath => _dir.Combine(".env.development.audit.jsonl");

    public static TheoryData<string, byte[]> HostileLines => new()
    {
        { "not JSON", Encoding.UTF8.GetBytes("hello world\n") },
        { "an empty line", "\n"u8.ToArray() },
        { "invalid UTF-8", [0x7B, 0xC3, 0x28, 0xFF, 0x7D, 0x0A] },
        { "a JSON array", "[1,2,3]\n"u8.ToArray() },
        { "a line without mac", "{\"seq\":3,\"kid\":\"x\"}\n"u8.ToArray() },
        { "a seq that is not a number", "{\"seq\":\"3\",\"kid\":\"x\",\"mac\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}\n"u8.ToArray() },
        { "a mac that is not base64", "{\"seq\":3,\"kid\":\"x\",\"mac\":\"!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\"}\n"u8.ToArray() },
        { "deeply nested JSON", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000) + "\n") },
        { "a merge conflict marker", "<<<<<<< HEAD\n"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(HostileLines))]
    public void A_hostile_third_line_is_a_malformed_line_error_at_line_3(string what, byte[] line)
    {
        Append(line);

        var result = _trail.Verify();

        Assert.False(result.IsValid, what);
        Assert.Equal(DiagnosticCodes.AuditMalformedLine, result.Error!.Code);
        Assert.Equal(3, result.Error.Location?.Line);
        Assert.Equal(2, result.LinesChecked);
    }

    [Fact]
    public void A_huge_line_is_refused_without_being_parsed()
    {
        Append(Encoding.ASCII.GetBytes("{\"seq\":3,\"pad\":\"" + new string('x', 200_000) + "\"}\n"));

        var result = _trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditLineTooLong, result.Error!.Code);
        Assert.Equal(3, result.Error.Location?.Line);
    }

    [Fact]
    public void A_huge_file_without_any_newline_is_refused_at_line_1()
    {
        File.WriteAllBytes(TrailPath, Encoding.ASCII.GetBytes(new string('x', 1_000_000)));

        var result = _trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditLineTooLong, result.Error!.Code);
        Assert.Equal(1, result.Error.Location?.Line);
    }

    [Fact]
    public void Appending_after_a_huge_last_line_is_refused_with_a_diagnostic()
    {
        Append(Encoding.ASCII.GetBytes(new string('x', 200_000) + "\n"));

        var ex = Assert.Throws<SecretsException>(() => _trail.Append(AuditTestKit.Event(3)));

        Assert.Equal(DiagnosticCodes.AuditLineTooLong, ex.Code);
    }

    [Fact]
    public void Appending_after_a_non_JSON_last_line_is_refused_with_a_diagnostic()
    {
        Append("garbage\n"u8.ToArray());

        var ex = Assert.Throws<SecretsException>(() => _trail.Append(AuditTestKit.Event(3)));

        Assert.Equal(DiagnosticCodes.AuditMalformedLine, ex.Code);
        Assert.Contains("last audit line", ex.Message);
    }

    [Fact]
    public void Appending_after_a_last_line_with_the_largest_seq_is_refused_instead_of_wrapping_around()
    {
        var lines = AuditTestKit.ReadLines(TrailPath);
        lines[^1] = lines[^1].Replace("\"seq\":2", $"\"seq\":{long.MaxValue}", StringComparison.Ordinal);
        AuditTestKit.WriteLines(TrailPath, lines);

        var ex = Assert.Throws<SecretsException>(() => _trail.Append(AuditTestKit.Event(3)));

        Assert.Equal(DiagnosticCodes.AuditMalformedLine, ex.Code);
    }

    [Fact]
    public void A_line_of_exactly_the_limit_is_read_and_one_byte_more_is_not()
    {
        var atLimit = new string('x', AuditTrailOptions.MaxLineBytes);
        File.WriteAllText(TrailPath, atLimit + "\n");
        Assert.Equal(DiagnosticCodes.AuditMalformedLine, _trail.Verify().Error!.Code);

        File.WriteAllText(TrailPath, atLimit + "x\n");
        Assert.Equal(DiagnosticCodes.AuditLineTooLong, _trail.Verify().Error!.Code);
    }

    private void Append(byte[] bytes)
    {
        using var stream = new FileStream(TrailPath, FileMode.Append);
        stream.Write(bytes);
    }
}
