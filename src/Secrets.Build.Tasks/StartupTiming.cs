using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Secrets.Build.Tasks;

/// <summary>
/// What one provisioning cost and how much of it was the build process warming up: wall time,
/// and the methods the runtime JIT-compiled meanwhile (in any thread of the build process, so
/// MSBuild's own work on other nodes' threads counts too). Few JIT-compiled methods mean the
/// package's ReadyToRun code was used; hundreds mean it was not (another OS, processor or runtime).
/// Only measured with <c>SecretsDebug=true</c>; it reads counters, never a value.
/// </summary>
internal sealed class StartupTiming
{
    private readonly long _started;
    private readonly long _methodsBefore;
    private readonly TimeSpan _jitTimeBefore;

    private StartupTiming()
    {
        _started = Stopwatch.GetTimestamp();
        _methodsBefore = JitInfo.GetCompiledMethodCount();
        _jitTimeBefore = JitInfo.GetCompilationTime();
    }

    public static StartupTiming Start() => new();

    public string Describe()
    {
        var elapsed = Stopwatch.GetElapsedTime(_started);
        var methods = JitInfo.GetCompiledMethodCount() - _methodsBefore;
        var jitTime = JitInfo.GetCompilationTime() - _jitTimeBefore;
        return string.Format(
            CultureInfo.InvariantCulture,
            "provisioning took {0:F1} ms; meanwhile the process JIT-compiled {1} method(s) in {2:F1} ms.",
            elapsed.TotalMilliseconds,
            methods,
            jitTime.TotalMilliseconds);
    }
}
