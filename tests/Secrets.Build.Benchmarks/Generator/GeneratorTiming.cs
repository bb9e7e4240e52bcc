extern alias generator;

using System.Globalization;
using Secrets.Build.Benchmarks.Harness;
using Secrets.Build.Benchmarks.Workloads;
using SchemaParser = generator::Secrets.Build.Core.Schema.SchemaParser;

namespace Secrets.Build.Benchmarks.Generator;

/// <summary>
/// <c>harness generate</c>: the generator's first run on a fresh driver, timed repeatedly in one
/// process. It also times the schema parser alone on the same text (the generator compiles Core's
/// parser in), so the generator's own share, model and emitted source, reads as the difference,
/// whoever is speeding up the parser meanwhile.
/// </summary>
internal static class GeneratorTiming
{
    public static int Run(int count, int runs)
    {
        var benchmark = new GeneratorBenchmarks { Secrets = count };
        benchmark.CreateDriver();
        var firstRuns = Measure(runs, () => benchmark.FirstRun());

        var schemaText = SchemaFactory.TextFor(count);
        var parses = Measure(runs, () =>
        {
            if (SchemaParser.Parse(schemaText, "secrets.schema.json").Schema is null)
            {
                throw new InvalidOperationException("The benchmark schema did not parse.");
            }
        });

        Print("generator_first_run_median_ms", firstRuns.Wall);
        Print("generator_first_run_median_cpu_ms", firstRuns.Cpu);

        // Allocation is what a loaded machine cannot blur at all.
        Print("generator_first_run_median_allocated_mb", firstRuns.AllocatedMb);
        Print("generator_first_run_gen0_gc_per_run", firstRuns.Collections[0]);
        Print("generator_first_run_gen1_gc_per_run", firstRuns.Collections[1]);
        Print("generator_first_run_gen2_gc_per_run", firstRuns.Collections[2]);
        Print("generator_first_run_median_page_faults", firstRuns.PageFaults);
        Print("schema_parse_median_cpu_ms", parses.Cpu);
        Print("generator_without_parse_median_cpu_ms", firstRuns.Cpu - parses.Cpu);
        Print("generator_without_parse_median_allocated_mb", firstRuns.AllocatedMb - parses.AllocatedMb);
        return 0;
    }

    private static Timings Measure(int runs, Action action)
    {
        var wall = new List<double>(runs);
        var cpu = new List<double>(runs);
        var allocated = new List<double>(runs);
        var faults = new List<double>(runs);
        var collectionsBefore = CollectionCounts();
        using var timer = new CpuTimer();
        for (var i = 0; i < runs; i++)
        {
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var faultsBefore = MinorPageFaults();
            timer.Start();
            action();
            var bytesAfter = GC.GetAllocatedBytesForCurrentThread();
            var (wallMs, cpuMs) = timer.Stop();
            faults.Add(MinorPageFaults() - faultsBefore);
            wall.Add(wallMs);
            cpu.Add(cpuMs);
            allocated.Add((bytesAfter - bytesBefore) / (1024.0 * 1024.0));
        }

        // A gen1 collection is counted in gen0 too, and a gen2 in both: each count is "at least this deep".
        var collectionsAfter = CollectionCounts();
        var collections = collectionsAfter.Select((after, generation) => (after - collectionsBefore[generation]) / (double)runs).ToArray();
        return new Timings(Median(wall), Median(cpu), Median(allocated), collections, Median(faults));
    }

    /// <summary>
    /// Pages this process touched for the first time (Linux: /proc/self/stat, field 10); 0 elsewhere.
    /// Each costs kernel time, a lot of it in some sandboxes, so fresh memory is slower than reused memory.
    /// </summary>
    private static long MinorPageFaults()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return 0;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    private static int[] CollectionCounts() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void Print(string name, double value) =>
        Console.WriteLine(name + " " + value.ToString("F2", CultureInfo.InvariantCulture));

    private readonly record struct Timings(double Wall, double Cpu, double AllocatedMb, double[] Collections, double PageFaults);
}
