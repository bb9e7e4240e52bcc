using System.Text;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Tests.TestSupport;

/// <summary>Keys, events and raw line edits shared by the audit tests.</summary>
internal static class AuditTestKit
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A chain key derived the way a caller would: HKDF from an environment key.</summary>
    public static byte[] ChainKey(string environment = "development")
    {
        var environmentKey = Encoding.UTF8.GetBytes($"environment key for {environment} (test)".PadRight(32, '.'))[..32];
        return KeyDerivation.Hkdf(environmentKey, ReadOnlySpan<byte>.Empty, $"Secrets.Build audit chain {environment}", 32);
    }

    /// <summary>Event <paramref name="index"/>: a generated secret with a distinct name and time.</summary>
    public static AuditEvent Event(int index, AuditEventKind kind = AuditEventKind.Generated) =>
        new AuditEvent(Start.AddSeconds(index), kind, "alice@build-host", "0.1.0", "ProvisionSecrets")
        {
            SecretName = $"SECRET_{index}",
            Version = 1,
            Fingerprint = $"hmac-sha256:{index:D8}",
        };

    public static IEnumerable<AuditEvent> Events(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(i => Event(i));

    public static string[] ReadLines(string path) =>
        File.ReadAllText(path).Split('\n', StringSplitOptions.None)[..^1];

    public static void WriteLines(string path, IEnumerable<string> lines) =>
        File.WriteAllText(path, string.Concat(lines.Select(l => l + "\n")));

    public static void EditLines(string path, Func<List<string>, IEnumerable<string>> edit) =>
        WriteLines(path, edit(ReadLines(path).ToList()).ToList());
}
