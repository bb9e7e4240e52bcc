using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Tests.IO;

/// <summary>The audit trail and lock files are never opened, created or re-moded through a symbolic link.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SymbolicLinkTests : IDisposable
{
    private const UnixFileMode Readable = FileModes.PrivateFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempDirectory _dir = new();

    public SymbolicLinkTests()
    {
        Directory.CreateDirectory(_dir.Combine("secrets"));
        Directory.CreateDirectory(_dir.Combine("elsewhere"));
    }

    public void Dispose() => _dir.Dispose();

    private string Victim => _dir.Combine("elsewhere", "victim.txt");

    [UnixFact]
    public void A_linked_lock_file_is_SECB553_and_its_target_keeps_its_bytes_and_mode()
    {
        var victim = WriteVictim();
        var lockPath = _dir.Combine("secrets", ".env.development.lock");
        File.CreateSymbolicLink(lockPath, Victim);

        var error = Assert.Throws<SecretsException>(() => WorkspaceLock.Acquire(lockPath, TimeSpan.FromSeconds(5)));

        Assert.Equal(DiagnosticCodes.SymbolicLinkSkipped, error.Code);
        Assert.Equal(lockPath, error.Diagnostics[0].Location?.File);
        AssertUntouched(victim);
    }

    [UnixFact]
    public void A_dangling_linked_lock_file_creates_nothing_at_its_target()
    {
        var lockPath = _dir.Combine("secrets", ".env.development.lock");
        File.CreateSymbolicLink(lockPath, Victim);

        var error = Assert.Throws<SecretsException>(() => WorkspaceLock.Acquire(lockPath, TimeSpan.FromSeconds(5)));

        Assert.Equal(DiagnosticCodes.SymbolicLinkSkipped, error.Code);
        Assert.False(File.Exists(Victim));
    }

    [UnixFact]
    public void A_linked_audit_trail_is_SECB553_and_nothing_is_appended_to_or_re_moded_at_its_target()
    {
        var victim = WriteVictim();
        var trailPath = AuditTrail.PathFor(_dir.Combine("secrets"), "development");
        File.CreateSymbolicLink(trailPath, Victim);
        var trail = new AuditTrail(trailPath, AuditTestKit.ChainKey());

        var error = Assert.Throws<SecretsException>(() => trail.Append(AuditTestKit.Event(1)));

        Assert.Equal(DiagnosticCodes.SymbolicLinkSkipped, error.Code);
        Assert.Contains("rm '" + trailPath + "'", error.Diagnostics[0].Fix, StringComparison.Ordinal);
        AssertUntouched(victim);
    }

    [UnixFact]
    public void A_linked_audit_lock_stops_the_append_before_the_trail_is_written()
    {
        var victim = WriteVictim();
        var trailPath = AuditTrail.PathFor(_dir.Combine("secrets"), "development");
        var trail = new AuditTrail(trailPath, AuditTestKit.ChainKey());
        File.CreateSymbolicLink(trail.LockPath, Victim);

        var error = Assert.Throws<SecretsException>(() => trail.Append(AuditTestKit.Event(1)));

        Assert.Equal(DiagnosticCodes.SymbolicLinkSkipped, error.Code);
        Assert.False(File.Exists(trailPath));
        AssertUntouched(victim);
    }

    private byte[] WriteVictim()
    {
        File.WriteAllText(Victim, "someone else's file\n");
        File.SetUnixFileMode(Victim, Readable);
        return File.ReadAllBytes(Victim);
    }

    private void AssertUntouched(byte[] before)
    {
        Assert.Equal(before, File.ReadAllBytes(Victim));
        Assert.Equal(Readable, File.GetUnixFileMode(Victim));
    }
}
