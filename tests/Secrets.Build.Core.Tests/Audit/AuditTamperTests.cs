using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>Every way of changing a trail by hand is caught, at the line where it happened.</summary>
public sealed class AuditTamperTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly AuditTrail _trail;

    public AuditTamperTests()
    {
        _trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        _trail.Append(AuditTestKit.Events(5));
    }

    public void Dispose() => _dir.Dispose();

    private string TrailPath => _dir.Combine("secrets", ".env.production.audit.jsonl");

    [Fact]
    public void Deleting_a_line_is_reported_at_the_line_after_the_gap()
    {
        AuditTestKit.EditLines(TrailPath, lines => lines.Where((_, i) => i != 2));

        AssertFailsAt(DiagnosticCodes.AuditLinesMissing, line: 3, linesChecked: 2);
    }

    [Fact]
    public void Deleting_the_first_line_is_reported_at_line_1()
    {
        AuditTestKit.EditLines(TrailPath, lines => lines.Skip(1));

        AssertFailsAt(DiagnosticCodes.AuditLinesMissing, line: 1, linesChecked: 0);
    }

    [Fact]
    public void Editing_a_field_is_reported_at_that_line()
    {
        AuditTestKit.EditLines(TrailPath, lines =>
        {
            lines[3] = lines[3].Replace("\"SECRET_4\"", "\"SECRET_X\"", StringComparison.Ordinal);
            return lines;
        });

        AssertFailsAt(DiagnosticCodes.AuditLineTampered, line: 4, linesChecked: 3);
    }

    [Fact]
    public void Editing_only_whitespace_is_still_reported()
    {
        AuditTestKit.EditLines(TrailPath, lines =>
        {
            lines[1] = lines[1].Replace("\"seq\":2", "\"seq\": 2", StringComparison.Ordinal);
            return lines;
        });

        AssertFailsAt(DiagnosticCodes.AuditLineTampered, line: 2, linesChecked: 1);
    }

    [Fact]
    public void Inserting_a_forged_line_with_the_right_seq_is_reported_at_the_forgery()
    {
        // The forger renumbers the lines after it too, so the sequence alone looks perfect.
        AuditTestKit.EditLines(TrailPath, lines =>
        {
            var forged = lines[1].Replace("\"seq\":2", "\"seq\":3", StringComparison.Ordinal).Replace("SECRET_2", "SECRET_F", StringComparison.Ordinal);
            var renumbered = lines.Skip(2).Select((l, i) => l.Replace($"\"seq\":{i + 3}", $"\"seq\":{i + 4}", StringComparison.Ordinal));
            return lines.Take(2).Append(forged).Concat(renumbered);
        });

        AssertFailsAt(DiagnosticCodes.AuditLineTampered, line: 3, linesChecked: 2);
    }

    [Fact]
    public void Inserting_a_copy_of_an_earlier_line_is_reported_at_the_copy()
    {
        AuditTestKit.EditLines(TrailPath, lines => lines.Take(3).Append(lines[0]).Concat(lines.Skip(3)));

        AssertFailsAt(DiagnosticCodes.AuditOutOfOrder, line: 4, linesChecked: 3);
    }

    [Fact]
    public void Reordering_two_lines_is_reported_at_the_first_moved_line()
    {
        AuditTestKit.EditLines(TrailPath, lines =>
        {
            (lines[1], lines[2]) = (lines[2], lines[1]);
            return lines;
        });

        AssertFailsAt(DiagnosticCodes.AuditLinesMissing, line: 2, linesChecked: 1);
    }

    [Fact]
    public void Truncating_the_last_line_is_reported_at_that_line()
    {
        var bytes = File.ReadAllBytes(TrailPath);
        File.WriteAllBytes(TrailPath, bytes[..^20]);

        AssertFailsAt(DiagnosticCodes.AuditTruncatedLine, line: 5, linesChecked: 4);
    }

    [Fact]
    public void Removing_only_the_final_newline_is_reported_as_truncated()
    {
        var bytes = File.ReadAllBytes(TrailPath);
        File.WriteAllBytes(TrailPath, bytes[..^1]);

        AssertFailsAt(DiagnosticCodes.AuditTruncatedLine, line: 5, linesChecked: 4);
    }

    [Fact]
    public void Verifying_with_another_environments_key_is_reported_as_a_wrong_key_at_line_1()
    {
        var result = new AuditTrail(TrailPath, AuditTestKit.ChainKey("staging")).Verify();

        AssertError(result, DiagnosticCodes.AuditWrongKey, line: 1, linesChecked: 0);
        Assert.Contains("RetiredChainKeys", result.Error!.Fix);
    }

    [Fact]
    public void A_whole_trail_rewritten_under_another_key_is_reported_as_a_wrong_key()
    {
        File.Delete(TrailPath);
        new AuditTrail(TrailPath, AuditTestKit.ChainKey("attacker")).Append(AuditTestKit.Events(5));

        AssertFailsAt(DiagnosticCodes.AuditWrongKey, line: 1, linesChecked: 0);
    }

    [Fact]
    public void A_forged_line_under_an_unknown_key_after_valid_lines_is_tampering()
    {
        var forgedPath = _dir.Combine("forged.audit.jsonl");
        new AuditTrail(forgedPath, AuditTestKit.ChainKey("attacker")).Append(AuditTestKit.Events(6));
        AuditTestKit.EditLines(TrailPath, lines => lines.Append(AuditTestKit.ReadLines(forgedPath)[5]));

        AssertFailsAt(DiagnosticCodes.AuditLineTampered, line: 6, linesChecked: 5);
    }

    [Fact]
    public void Appending_to_a_trail_whose_last_line_was_cut_is_refused_and_writes_nothing()
    {
        var bytes = File.ReadAllBytes(TrailPath);
        File.WriteAllBytes(TrailPath, bytes[..^20]);

        var ex = Assert.Throws<SecretsException>(() => _trail.Append(AuditTestKit.Event(6)));

        Assert.Equal(DiagnosticCodes.AuditTruncatedLine, ex.Code);
        Assert.Equal(TrailPath, ex.Diagnostics[0].Location?.File);
        Assert.Equal(bytes[..^20], File.ReadAllBytes(TrailPath));
    }

    private void AssertFailsAt(string code, int line, int linesChecked) =>
        AssertError(_trail.Verify(), code, line, linesChecked);

    private void AssertError(AuditVerification result, string code, int line, int linesChecked)
    {
        Assert.False(result.IsValid);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(TrailPath, result.Error.Location?.File);
        Assert.Equal(line, result.Error.Location?.Line);
        Assert.Equal(linesChecked, result.LinesChecked);
        Assert.Contains($"line {line}", result.Error.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrEmpty(result.Error.Fix));
        Assert.Equal(SecretsSeverity.Error, result.Error.Severity);
    }
}
