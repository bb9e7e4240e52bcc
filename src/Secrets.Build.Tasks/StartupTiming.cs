using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Secrets.Build.Tasks;

/// <summary>
/// What one provisioning cost and how much of it was the build process warming up: wall time,
/// CPU time, and the methods the runtime JIT-compiled meanwhile. CPU time and JIT counts are the
/// whole build process's (the task waits for Core on another thread; MSBuild does little else
/// meanwhile); unlike wall time, CPU time barely grows when other processes load the machine. Few JIT-compiled methods mean the
/// package's ReadyToRun code was used; hundreds mean it was not (another OS, processor or runtime).
/// Only measured with <c>SecretsDebug=true</c>; it reads counters, never a value.
/// </summary>
internal sealed class StartupTiming
{
    private readonly long _started;
    private readonly long _methodsBefore;
    private readonly TimeSpan _jitTimeBefore;
    private readonly TimeSpan _cpuBefore;
    private readonly long _allocatedBefore;
    private readonly int _gen0Before;
    private readonly int _gen1Before;
    private readonly int _gen2Before;
    private readonly TimeSpan _gcPauseBefore;
    private readonly int _assembliesBefore;

    private StartupTiming()
    {
        _started = Stopwatch.GetTimestamp();
        _methodsBefore = JitInfo.GetCompiledMethodCount();
        _jitTimeBefore = JitInfo.GetCompilationTime();
        _cpuBefore = ProcessorTime();
        _allocatedBefore = GC.GetTotalAllocatedBytes();
        _gen0Before = GC.CollectionCount(0);
        _gen1Before = GC.CollectionCount(1);
        _gen2Before = GC.CollectionCount(2);
        _gcPauseBefore = GC.GetTotalPauseDuration();
        _assembliesBefore = AppDomain.CurrentDomain.GetAssemblies().Length;
    }

    public static StartupTiming Start() => new();

    public string Describe()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var methods = JitInfo.GetCompiledMethodCount() - _methodsBefore;
        var jitTime = JitInfo.GetCompilationTime() - _jitTimeBefore;
        var cpu = ProcessorTime() - _cpuBefore;
        return string.Format(
            CultureInfo.InvariantCulture,
            "provisioning took {0:F1} ms ({1:F1} ms of CPU); meanwhile the process JIT-compiled {2} method(s) in {3:F1} ms.",
            elapsed.TotalMilliseconds,
            cpu.TotalMilliseconds,
            methods,
            jitTime.TotalMilliseconds);
    }

    /// <summary>
    /// The other half of a cold start: memory and loading. Collections (above all gen2 ones,
    /// which large arrays and strings bring on) and assembly loads are costs a warm, reused
    /// process does not pay again. Process-wide counters, like CPU time.
    /// </summary>
    public string DescribeMemory() => string.Format(
        CultureInfo.InvariantCulture,
        "meanwhile the process allocated {0:F1} MB, collected garbage {1}/{2}/{3} time(s) (gen0/gen1/gen2) with {4:F1} ms paused, and loaded {5} assemblies.",
        (GC.GetTotalAllocatedBytes() - _allocatedBefore) / (1024.0 * 1024.0),
        GC.CollectionCount(0) - _gen0Before,
        GC.CollectionCount(1) - _gen1Before,
        GC.CollectionCount(2) - _gen2Before,
        (GC.GetTotalPauseDuration() - _gcPauseBefore).TotalMilliseconds,
        AppDomain.CurrentDomain.GetAssemblies().Length - _assembliesBefore);

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
