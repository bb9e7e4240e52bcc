using System.Text.Json;
using Secrets.Build.Core.Audit;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>
/// Parallel builds append to one trail. Every line must land exactly once, whole, and the
/// chain must verify afterwards, across roll-overs that happen while others wait to append.
/// </summary>
public sealed class AuditConcurrencyTests : IDisposable
{
    private const int Workers = 8;
    private const int EventsPerWorker = 25;

    // Small files, so several roll-overs happen in the middle of the contention.
    private const long MaxFileBytes = 8 * 1024;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string TrailPath => _dir.Combine("secrets", ".env.development.audit.jsonl");

    [Fact]
    public void Eight_threads_with_their_own_trail_instances_lose_no_line()
    {
        var key = AuditTestKit.ChainKey();
        using var start = new Barrier(Workers);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var threads = Enumerable.Range(0, Workers).Select(worker => new Thread(() =>
        {
            var trail = new AuditTrail(TrailPath, key, new AuditTrailOptions { MaxFileBytes = MaxFileBytes });
            start.SignalAndWait();
            try
            {
                for (var i = 0; i < EventsPerWorker; i++)
                {
                    trail.Append(WorkerEvent(worker, i));
                }
            }
            catch (Exception ex)
            {
                // An exception on a bare thread would end the test host; report it as a failure instead.
                failures.Enqueue(ex);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);

        AssertEveryEventOnceAndChainValid(key);
    }

    [Fact]
    public void Eight_processes_appending_at_once_lose_no_line_and_the_chain_verifies()
    {
        var key = AuditTestKit.ChainKey();
        var go = _dir.Combine("go");

        var processes = Enumerable.Range(0, Workers)
            .Select(worker => AuditChildProcess.Start(TrailPath, key, worker, EventsPerWorker, MaxFileBytes, go))
            .ToList();
        // All children are running and waiting; releasing them together makes them contend.
        File.WriteAllText(go, "go");
        foreach (var process in processes)
        {
            process.WaitSucceeded();
        }

        AssertEveryEventOnceAndChainValid(key);
    }

    internal static AuditEvent WorkerEvent(int worker, int index) =>
        new(DateTimeOffset.UtcNow, AuditEventKind.Accessed, $"worker{worker}@host", "0.1.0", "ProvisionSecrets")
        {
            SecretName = $"W{worker}_S{index}",
            Version = 1,
        };

    private void AssertEveryEventOnceAndChainValid(byte[] key)
    {
        var result = new AuditTrail(TrailPath, key).Verify();
        Assert.True(result.IsValid, result.Error?.ToString());
        Assert.Equal(Workers * EventsPerWorker, result.LinesChecked);
        Assert.True(result.FilesChecked > 1, "the test should exercise roll-over under contention");

        var names = Directory.GetFiles(_dir.Combine("secrets"), "*.jsonl")
            .SelectMany(AuditTestKit.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("secret").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = Enumerable.Range(0, Workers)
            .SelectMany(w => Enumerable.Range(0, EventsPerWorker).Select(i => $"W{w}_S{i}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, names);
    }
}
