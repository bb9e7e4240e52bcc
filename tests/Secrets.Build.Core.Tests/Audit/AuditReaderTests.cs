using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Audit;

public sealed class AuditReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Events_read_back_in_order_across_rolled_files_exactly_as_appended()
    {
        var path = AuditTrail.PathFor(_dir.Combine("secrets"), "staging");
        var trail = new AuditTrail(path, AuditTestKit.ChainKey(), new AuditTrailOptions { MaxFileBytes = 1024 });
        var appended = AuditTestKit.Events(10).Select(e => e with { Code = "SECB101" }).ToList();
        foreach (var e in appended)
        {
            trail.Append(e);
        }

        var records = AuditReader.Read(path).ToList();

        Assert.Equal(appended, records.Select(r => r.Event));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Contains(records, r => r.File != trail.Path);
        Assert.All(records.GroupBy(r => r.File), file => Assert.Equal(Enumerable.Range(1, file.Count()), file.Select(r => r.Line)));
    }

    [Fact]
    public void A_missing_trail_reads_as_no_events()
    {
        Assert.Empty(AuditReader.Read(_dir.Combine("secrets", ".env.development.audit.jsonl")));
    }

    [Fact]
    public void A_damaged_line_is_a_diagnostic_with_its_line_number()
    {
        var path = _dir.Combine(".env.development.audit.jsonl");
        new AuditTrail(path, AuditTestKit.ChainKey()).Append(AuditTestKit.Events(3));
        AuditTestKit.EditLines(path, lines =>
        {
            lines[1] = lines[1].Replace("\"generated\"", "\"teleported\"", StringComparison.Ordinal);
            return lines;
        });

        var ex = Assert.Throws<SecretsException>(() => AuditReader.Read(path).ToList());

        Assert.Equal(DiagnosticCodes.AuditMalformedLine, ex.Code);
        Assert.Equal(2, ex.Diagnostics[0].Location?.Line);
    }

    [Fact]
    public void Chain_keys_differ_per_environment_and_per_environment_key()
    {
        var keyA = new byte[32];
        var keyB = new byte[32];
        keyB[0] = 1;

        var a = AuditTrail.DeriveChainKey(keyA, "development");

        Assert.Equal(AuditTrail.ChainKeySize, a.Length);
        Assert.Equal(a, AuditTrail.DeriveChainKey(keyA, "development"));
        Assert.NotEqual(a, AuditTrail.DeriveChainKey(keyA, "production"));
        Assert.NotEqual(a, AuditTrail.DeriveChainKey(keyB, "development"));
        Assert.Throws<ArgumentException>(() => AuditTrail.DeriveChainKey(keyA, "../prod"));
        Assert.Throws<ArgumentException>(() => AuditTrail.PathFor("secrets", "Prod"));
    }
}
