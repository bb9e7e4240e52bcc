using BenchmarkDotNet.Attributes;
using Secrets.Build.Benchmarks.Workloads;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Benchmarks;

/// <summary>
/// A first build: generate every value, encrypt, save the store and metadata, write .env, the
/// compose override and the Kubernetes manifest. Each iteration starts from a workspace with
/// only the schema, so nothing is already there to reuse.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class ProvisionBenchmarks
{
    private string schemaText = string.Empty;
    private BenchmarkWorkspace? workspace;

    [Params(SchemaFactory.SampleCount, 1_000, 10_000)]
    public int Secrets { get; set; }

    [GlobalSetup]
    public void LoadSchema() => schemaText = SchemaFactory.TextFor(Secrets);

    [IterationSetup]
    public void FreshWorkspace() => workspace = BenchmarkWorkspace.Create(schemaText);

    [Benchmark(Description = "provision (generate, encrypt, save, write outputs)")]
    public ProvisionResult Provision() => workspace!.Provision();

    [IterationCleanup]
    public void RemoveWorkspace() => workspace?.Dispose();
}
