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

    private StartupTiming()
    {
        _started = Stopwatch.GetTimestamp();
        _methodsBefore = JitInfo.GetCompiledMethodCount();
        _jitTimeBefore = JitInfo.GetCompilationTime();
        _cpuBefore = ProcessorTime();
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

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
