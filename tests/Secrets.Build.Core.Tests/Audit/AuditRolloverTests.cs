using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Audit;

public sealed class AuditRolloverTests : IDisposable
{
    // A line is about 300 bytes, so 1 KiB holds three and a fourth rolls the file over.
    private static readonly AuditTrailOptions SmallFiles = new() { MaxFileBytes = 1024 };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string TrailPath => _dir.Combine("secrets", ".env.development.audit.jsonl");

    private string Rolled(int n) => _dir.Combine("secrets", $".env.development.audit.{n}.jsonl");

    private AuditTrail NewTrail() => new(TrailPath, AuditTestKit.ChainKey(), SmallFiles);

    private AuditTrail WithRolledFiles(int events)
    {
        var trail = NewTrail();
        for (var i = 1; i <= events; i++)
        {
            trail.Append(AuditTestKit.Event(i));
        }

        return trail;
    }

    [Fact]
    public void The_trail_rolls_over_into_numbered_files_and_the_chain_verifies_across_them()
    {
        var trail = WithRolledFiles(20);

        var result = trail.Verify();

        Assert.True(File.Exists(Rolled(1)));
        Assert.True(File.Exists(Rolled(2)));
        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(20, result.LinesChecked);
        Assert.True(result.FilesChecked >= 3);
        Assert.All(Directory.GetFiles(_dir.Combine("secrets"), "*.jsonl"), f => Assert.True(new FileInfo(f).Length <= 1024));
    }

    [Fact]
    public void A_new_file_starts_with_the_previous_files_last_mac_and_the_next_seq()
    {
        WithRolledFiles(20);

        var lastOfFirst = AuditTestKit.ReadLines(Rolled(1))[^1];
        var firstOfSecond = AuditTestKit.ReadLines(Rolled(2))[0];
        using var last = System.Text.Json.JsonDocument.Parse(lastOfFirst);
        using var first = System.Text.Json.JsonDocument.Parse(firstOfSecond);

        Assert.Equal(last.RootElement.GetProperty("mac").GetString(), first.RootElement.GetProperty("prev").GetString());
        Assert.Equal(last.RootElement.GetProperty("seq").GetInt64() + 1, first.RootElement.GetProperty("seq").GetInt64());
    }

    [Fact]
    public void A_deleted_rolled_file_in_the_middle_is_named()
    {
        var trail = WithRolledFiles(20);
        File.Delete(Rolled(2));

        var result = trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditRolledFileMissing, result.Error!.Code);
        Assert.Equal(Rolled(2), result.Error.Location?.File);
    }

    [Fact]
    public void Deleting_the_oldest_rolled_file_is_detected()
    {
        var trail = WithRolledFiles(20);
        File.Delete(Rolled(1));

        var result = trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditRolledFileMissing, result.Error!.Code);
        Assert.Equal(Rolled(1), result.Error.Location?.File);
    }

    [Fact]
    public void Deleting_every_rolled_file_is_detected_at_the_first_line_of_the_active_file()
    {
        var trail = WithRolledFiles(20);
        foreach (var rolled in Directory.GetFiles(_dir.Combine("secrets"), ".env.development.audit.*.jsonl"))
        {
            File.Delete(rolled);
        }

        var result = trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditRolledFileMissing, result.Error!.Code);
        Assert.Equal(TrailPath, result.Error.Location?.File);
        Assert.Equal(1, result.Error.Location?.Line);
    }

    [Fact]
    public void Deleting_the_newest_rolled_file_is_detected_where_the_chain_resumes()
    {
        var trail = WithRolledFiles(20);
        var newest = Directory.GetFiles(_dir.Combine("secrets"), ".env.development.audit.*.jsonl").Length;
        File.Delete(Rolled(newest));

        var result = trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditRolledFileMissing, result.Error!.Code);
        Assert.Equal(TrailPath, result.Error.Location?.File);
        Assert.Contains("missing", result.Error.Message);
    }

    [Fact]
    public void A_tampered_line_in_a_rolled_file_is_reported_in_that_file()
    {
        var trail = WithRolledFiles(20);
        AuditTestKit.EditLines(Rolled(2), lines =>
        {
            lines[1] = lines[1].Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal);
            return lines;
        });

        var result = trail.Verify();

        Assert.Equal(DiagnosticCodes.AuditLineTampered, result.Error!.Code);
        Assert.Equal(Rolled(2), result.Error.Location?.File);
        Assert.Equal(2, result.Error.Location?.Line);
    }

    [Fact]
    public void After_a_crash_between_rename_and_write_the_next_append_continues_from_the_rolled_file()
    {
        var trail = WithRolledFiles(3);
        var next = Directory.GetFiles(_dir.Combine("secrets"), ".env.development.audit.*.jsonl").Length + 1;
        File.Move(TrailPath, Rolled(next));

        var head = trail.Append(AuditTestKit.Event(4));

        Assert.Equal(4, head.Sequence);
        Assert.True(trail.Verify().IsValid);
    }
}
