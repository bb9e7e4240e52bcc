using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Secrets.Build.Benchmarks.Generator;

/// <summary>
/// What MSBuild hands the compiler for a project using the package: the root namespace as a
/// global property and the <c>SecretsSchema="true"</c> metadata on the schema AdditionalFile.
/// </summary>
internal sealed class SchemaOptionsProvider(string schemaPath) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());

    private readonly Options schemaOptions = new(new Dictionary<string, string>
    {
        ["build_metadata.AdditionalFiles.SecretsSchema"] = "true",
    });

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>
    {
        ["build_property.RootNamespace"] = "Benchmark.App",
    });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile.Path == schemaPath ? schemaOptions : Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
