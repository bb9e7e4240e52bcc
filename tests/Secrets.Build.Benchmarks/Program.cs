using BenchmarkDotNet.Running;
using Secrets.Build.Benchmarks.Harness;

namespace Secrets.Build.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet suite (<c>-- --filter '*'</c>), or with <c>harness</c> as the first
/// argument, the small timing harness compare.sh uses to put Core next to dotenvx and age.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "harness")
        {
            return CompareHarness.Run(args[1..]);
        }

        // Each class picks the short job with [Config(typeof(ShortRunConfig))]; the default config adds the loggers and exporters.
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
