using System.Globalization;
using Secrets.Build.Benchmarks.Generator;
using Secrets.Build.Benchmarks.Workloads;

namespace Secrets.Build.Benchmarks.Harness;

/// <summary>
/// The Core side of compare.sh. <c>prepare</c> makes a workspace with N secrets and provisions it
/// once; <c>open</c> then times decrypt-and-write runs on it in this process. Prints numbers only,
/// one <c>name value</c> pair per line, never a secret.
/// </summary>
internal static class CompareHarness
{
    private const string Usage =
        "usage: harness prepare --count N --dir DIR | harness open --dir DIR [--runs R] | harness provision --count N [--runs R] | harness generate --count N [--runs R]";

    public static int Run(string[] args)
    {
        var command = args.FirstOrDefault();
        var count = IntOption(args, "--count", SchemaFactory.SampleCount);
        var runs = IntOption(args, "--runs", 7);
        var dir = StringOption(args, "--dir");
        if (command == "generate" && runs >= 1)
        {
            return GeneratorTiming.Run(count, runs);
        }

        if (command == "provision" && runs >= 1)
        {
            return TimeFirstProvisions(count, runs);
        }

        if (dir is null || command is not ("prepare" or "open") || runs < 1)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        if (command == "prepare")
        {
            var workspace = BenchmarkWorkspace.Create(SchemaFactory.TextFor(count), Path.GetFullPath(dir));
            var result = workspace.Provision();
            Console.WriteLine($"env_file {result.Outputs.Single(o => Path.GetFileName(o) == ".env.development")}");
            Console.WriteLine($"generated {result.Generated.Length}");
            return 0;
        }

        return TimeOpens(BenchmarkWorkspace.Existing(dir), runs);
    }

    /// <summary>
    /// The first run pays for JIT and loading libsodium, as a build's first call in a fresh MSBuild
    /// node does; the rest are what a warm node pays. Both are reported, never mixed.
    /// </summary>
    private static int TimeOpens(BenchmarkWorkspace workspace, int runs)
    {
        var times = new List<double>(runs);
        var cpuTimes = new List<double>(runs);
        using var timer = new CpuTimer();
        for (var i = 0; i < runs; i++)
        {
            timer.Start();
            var result = workspace.Provision();
            var (wall, cpu) = timer.Stop();
            cpuTimes.Add(cpu);
            if (!result.Generated.IsEmpty)
            {
                Console.Error.WriteLine("The workspace was not prepared: values were generated instead of decrypted.");
                return 1;
            }

            times.Add(wall);
        }

        Report(times, cpuTimes);

        // Full collections are what large buffers cost beyond their copying; fewer is better.
        Console.WriteLine(Line("gen2_collections_total", GC.CollectionCount(2)));
        return 0;
    }

    /// <summary>
    /// First builds: each run provisions a fresh workspace with <paramref name="count"/> secrets
    /// (generate, encrypt, save, write outputs, audit). The first run also pays for JIT.
    /// </summary>
    private static int TimeFirstProvisions(int count, int runs)
    {
        var schema = SchemaFactory.TextFor(count);
        var times = new List<double>(runs);
        var cpuTimes = new List<double>(runs);
        using var timer = new CpuTimer();
        for (var i = 0; i < runs; i++)
        {
            using var workspace = BenchmarkWorkspace.Create(schema);
            timer.Start();
            var result = workspace.Provision();
            var (wall, cpu) = timer.Stop();
            cpuTimes.Add(cpu);
            times.Add(wall);
            if (result.Generated.Length == 0)
            {
                Console.Error.WriteLine("Nothing was generated: the workspace was not fresh.");
                return 1;
            }
        }

        Report(times, cpuTimes);
        return 0;
    }

    private static void Report(List<double> times, List<double> cpuTimes)
    {
        Console.WriteLine(Line("first_ms", times[0]));
        Console.WriteLine(Line("first_cpu_ms", cpuTimes[0]));
        if (times.Count > 1)
        {
            Console.WriteLine(Line("warm_median_ms", Median(times.Skip(1))));

            // CPU time (user + system, all threads) is what a loaded, shared machine cannot inflate.
            Console.WriteLine(Line("warm_median_cpu_ms", Median(cpuTimes.Skip(1))));
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Line(string name, double milliseconds) =>
        name + " " + milliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string? StringOption(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        StringOption(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
