using System.Text.Json;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Audit;

public sealed class AuditTrailTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string TrailPath => _dir.Combine("secrets", ".env.development.audit.jsonl");

    [Fact]
    public void Appended_events_verify_and_the_head_names_the_last_line()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());

        trail.Append(AuditTestKit.Events(3));
        var head = trail.Append(AuditTestKit.Events(2, first: 4));
        var result = trail.Verify();

        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(5, result.LinesChecked);
        Assert.Equal(1, result.FilesChecked);
        Assert.Equal(head, result.Head);
        Assert.Equal(5, head.Sequence);
        Assert.Equal(5, AuditTestKit.ReadLines(TrailPath).Length);
    }

    [Fact]
    public void A_line_holds_the_documented_fields_in_order_with_mac_last()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        trail.Append(AuditTestKit.Event(1, AuditEventKind.KeyRotated) with { Code = "SECB240" });

        var line = AuditTestKit.ReadLines(TrailPath).Single();
        using var json = JsonDocument.Parse(line);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(["seq", "time", "event", "secret", "version", "actor", "tool", "trigger", "fingerprint", "code", "kid", "mac"], names);
        Assert.Equal(1, json.RootElement.GetProperty("seq").GetInt64());
        Assert.Equal("2026-11-28T12:00:01.000Z", json.RootElement.GetProperty("time").GetString());
        Assert.Equal("key-rotated", json.RootElement.GetProperty("event").GetString());
        Assert.Equal("SECRET_1", json.RootElement.GetProperty("secret").GetString());
        Assert.Equal("alice@build-host", json.RootElement.GetProperty("actor").GetString());
        Assert.Equal("ProvisionSecrets", json.RootElement.GetProperty("trigger").GetString());
        Assert.Equal(32, json.RootElement.GetProperty("mac").GetBytesFromBase64().Length);
    }

    [Fact]
    public void Times_are_written_in_UTC_whatever_offset_the_event_carries()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        var local = new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.FromHours(2));
        trail.Append(AuditTestKit.Event(1) with { Time = local });

        using var json = JsonDocument.Parse(AuditTestKit.ReadLines(TrailPath).Single());

        Assert.Equal("2026-11-28T12:30:00.000Z", json.RootElement.GetProperty("time").GetString());
    }

    [Fact]
    public void A_new_instance_continues_the_chain_where_the_file_ends()
    {
        new AuditTrail(TrailPath, AuditTestKit.ChainKey()).Append(AuditTestKit.Events(2));

        var head = new AuditTrail(TrailPath, AuditTestKit.ChainKey()).Append(AuditTestKit.Event(3));

        Assert.Equal(3, head.Sequence);
        Assert.True(new AuditTrail(TrailPath, AuditTestKit.ChainKey()).Verify().IsValid);
    }

    [Fact]
    public void A_missing_trail_is_valid_with_nothing_checked_and_nothing_created()
    {
        var result = new AuditTrail(TrailPath, AuditTestKit.ChainKey()).Verify();

        Assert.True(result.IsValid);
        Assert.Equal(0, result.LinesChecked);
        Assert.Equal(AuditHead.Empty, result.Head);
        Assert.False(Directory.Exists(_dir.Combine("secrets")));
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_trail_file_is_private_to_its_owner()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        trail.Append(AuditTestKit.Event(1));

        Assert.Equal(FileModes.PrivateFile, File.GetUnixFileMode(TrailPath));
        Assert.Equal(TrailPath + ".lock", trail.LockPath);
    }

    [Fact]
    public void A_recorded_head_detects_lines_cut_from_the_end()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        var head = trail.Append(AuditTestKit.Events(4));
        AuditTestKit.EditLines(TrailPath, lines => lines.Take(2));

        Assert.True(trail.Verify().IsValid, "a chain alone cannot see its newest lines cut off");
        var result = trail.Verify(head);

        Assert.False(result.IsValid);
        Assert.Equal("SECB529", result.Error!.Code);
        Assert.Contains("seq 2", result.Error.Message);
    }

    [Fact]
    public void A_recorded_head_that_matches_verifies()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        var head = trail.Append(AuditTestKit.Events(4));
        trail.Append(AuditTestKit.Events(2, first: 5));

        Assert.True(trail.Verify(head).IsValid);
        Assert.False(trail.Verify(head with { Mac = trail.Verify().Head.Mac }).IsValid);
    }

    [Fact]
    public void After_a_key_rotation_old_lines_verify_with_the_retired_key()
    {
        var oldKey = AuditTestKit.ChainKey("old");
        var newKey = AuditTestKit.ChainKey("new");
        new AuditTrail(TrailPath, oldKey).Append(AuditTestKit.Events(2));
        new AuditTrail(TrailPath, newKey).Append(AuditTestKit.Event(3, AuditEventKind.KeyRotated));

        var withRetired = new AuditTrail(TrailPath, newKey, new AuditTrailOptions { RetiredChainKeys = [oldKey] }).Verify();
        var withoutRetired = new AuditTrail(TrailPath, newKey).Verify();

        Assert.True(withRetired.IsValid, withRetired.Error?.ToString());
        Assert.Equal(3, withRetired.LinesChecked);
        Assert.Equal("SECB526", withoutRetired.Error!.Code);
    }

    [Fact]
    public void A_trail_that_cannot_be_written_is_a_SECB_error_not_an_IO_exception()
    {
        // A file where the secrets folder should be: no folder, no lock, no trail can be created.
        File.WriteAllText(_dir.Combine("secrets"), "not a folder");
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());

        var ex = Assert.Throws<Secrets.Build.Core.Diagnostics.SecretsException>(() => trail.Append(AuditTestKit.Event(1)));

        Assert.Equal("SECB528", ex.Code);
        Assert.Equal(TrailPath, ex.Diagnostics[0].Location?.File);
    }

    [Fact]
    public void A_key_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AuditTrail(TrailPath, new byte[16]));
    }
}
