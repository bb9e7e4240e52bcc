using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Audit;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>
/// The format as Audit/README.md documents it, checked by an independent implementation
/// (the class library's HMAC and HKDF, plain string cutting), so another tool can verify a trail.
/// </summary>
public sealed class AuditFormatTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_mac_is_the_documented_HMAC_over_the_previous_mac_and_the_line_without_its_mac()
    {
        var environmentKey = RandomNumberGenerator.GetBytes(32);
        var chainKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, environmentKey, 32, salt: [], info: Encoding.UTF8.GetBytes("Secrets.Build audit chain v1 production"));
        Assert.Equal(chainKey, AuditTrail.DeriveChainKey(environmentKey, "production"));

        var path = AuditTrail.PathFor(_dir.Path, "production");
        var trail = new AuditTrail(path, chainKey, new AuditTrailOptions { MaxFileBytes = 1024 });
        foreach (var e in AuditTestKit.Events(12))
        {
            trail.Append(e);
        }

        var files = Directory.GetFiles(_dir.Path, ".env.production.audit.*.jsonl")
            .OrderBy(f => int.Parse(Path.GetFileName(f).Split('.')[4]))
            .Append(path);
        var previous = new byte[32];
        var lines = 0;
        foreach (var line in files.SelectMany(AuditTestKit.ReadLines))
        {
            var cut = line.LastIndexOf(",\"mac\":\"", StringComparison.Ordinal);
            var signed = Encoding.UTF8.GetBytes(line[..cut] + "}");
            var mac = Convert.FromBase64String(line[(cut + 8)..^2]);

            Assert.Equal(HMACSHA256.HashData(chainKey, previous.Concat(signed).ToArray()), mac);
            previous = mac;
            lines++;
        }

        Assert.Equal(12, lines);
    }
}
