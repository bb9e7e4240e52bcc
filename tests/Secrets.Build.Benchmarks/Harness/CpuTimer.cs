using System.Diagnostics;

namespace Secrets.Build.Benchmarks.Harness;

/// <summary>
/// Wall-clock and CPU time (user + system, all threads of this process) of one timed section.
/// CPU time is what a loaded, shared machine inflates least, so the harness reports both.
/// </summary>
internal sealed class CpuTimer : IDisposable
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _stopwatch = new();
    private TimeSpan _cpuBefore;

    public void Start()
    {
        _process.Refresh();
        _cpuBefore = _process.TotalProcessorTime;
        _stopwatch.Restart();
    }

    /// <summary>Milliseconds since <see cref="Start"/>: wall-clock, then CPU.</summary>
    public (double WallMs, double CpuMs) Stop()
    {
        _stopwatch.Stop();
        _process.Refresh();
        return (_stopwatch.Elapsed.TotalMilliseconds, (_process.TotalProcessorTime - _cpuBefore).TotalMilliseconds);
    }

    public void Dispose() => _process.Dispose();
}
