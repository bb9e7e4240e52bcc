using BenchmarkDotNet.Attributes;
using Secrets.Build.Benchmarks.Workloads;

namespace Secrets.Build.Benchmarks;

/// <summary>
/// Every build after the first: open the existing store, decrypt and verify every value,
/// confirm or rewrite the outputs and append to the audit trail.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class OpenBenchmarks
{
    private BenchmarkWorkspace? workspace;

    [Params(SchemaFactory.SampleCount, 1_000, 10_000)]
    public int Secrets { get; set; }

    [GlobalSetup]
    public void ProvisionOnce()
    {
        workspace = BenchmarkWorkspace.Create(SchemaFactory.TextFor(Secrets));
        var first = workspace.Provision();
        if (first.Generated.IsEmpty)
        {
            throw new InvalidOperationException("The first run generated nothing; the open benchmark would not open a real store.");
        }
    }

    [Benchmark(Description = "open (decrypt, verify, write outputs)")]
    public void Open()
    {
        var result = workspace!.Provision();
        if (!result.Generated.IsEmpty)
        {
            throw new InvalidOperationException("A second run generated values: it did not open the existing store.");
        }
    }

    [GlobalCleanup]
    public void RemoveWorkspace() => workspace?.Dispose();
}
