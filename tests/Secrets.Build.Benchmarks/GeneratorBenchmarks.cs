extern alias generator;

using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Secrets.Build.Benchmarks.Generator;
using Secrets.Build.Benchmarks.Workloads;
using AppSecretsGenerator = generator::Secrets.Build.Generator.AppSecretsGenerator;

namespace Secrets.Build.Benchmarks;

/// <summary>
/// The AppSecrets generator as the compiler runs it: a <see cref="CSharpGeneratorDriver"/> with the
/// schema as an AdditionalFile. "first run" parses the schema and emits the class; "cached run"
/// is the next compilation with nothing changed, which must reuse every step's output.
/// </summary>
[Config(typeof(ShortRunConfig))]
public class GeneratorBenchmarks
{
    private const string SchemaPath = "/src/App/secrets.schema.json";

    private CSharpCompilation compilation = null!;
    private GeneratorDriver freshDriver = null!;
    private GeneratorDriver driverAfterFirstRun = null!;

    [Params(SchemaFactory.SampleCount, 10_000)]
    public int Secrets { get; set; }

    [GlobalSetup]
    public void CreateDriver()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        compilation = CSharpCompilation.Create(
            "Benchmark.App",
            [CSharpSyntaxTree.ParseText("namespace Benchmark.App { internal static class Program { private static void Main() { } } }", parseOptions)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        freshDriver = CSharpGeneratorDriver.Create(
            [new AppSecretsGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(SchemaPath, SchemaFactory.TextFor(Secrets))],
            parseOptions,
            new SchemaOptionsProvider(SchemaPath),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        driverAfterFirstRun = freshDriver.RunGenerators(compilation);
        GeneratorRunChecks.RequireSource(driverAfterFirstRun, Secrets);
        GeneratorRunChecks.RequireFullyCached(driverAfterFirstRun.RunGenerators(compilation));
    }

    [Benchmark(Description = "generator first run")]
    public GeneratorDriver FirstRun() => freshDriver.RunGenerators(compilation);

    [Benchmark(Description = "generator cached run")]
    public GeneratorDriver CachedRun() => driverAfterFirstRun.RunGenerators(compilation);
}
