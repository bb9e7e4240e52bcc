using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>
/// Runs <see cref="AppSecretsGenerator"/> through a real <see cref="CSharpGeneratorDriver"/> with
/// step tracking on, the way the compiler does: schema as an AdditionalFile marked with item
/// metadata, MSBuild properties as global options.
/// </summary>
internal sealed class GeneratorHarness
{
    public const string SchemaPath = "/src/App/secrets.schema.json";

    private readonly Dictionary<string, AdditionalText> texts;
    private readonly Dictionary<string, string> globalOptions;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> fileOptions;

    private GeneratorHarness(
        CSharpCompilation compilation,
        GeneratorDriver driver,
        IEnumerable<AdditionalText> texts,
        Dictionary<string, string> globalOptions,
        Dictionary<string, IReadOnlyDictionary<string, string>> fileOptions)
    {
        Compilation = compilation;
        Driver = driver;
        this.texts = texts.ToDictionary(t => t.Path);
        this.globalOptions = globalOptions;
        this.fileOptions = fileOptions;
    }

    public CSharpCompilation Compilation { get; private set; }

    public GeneratorDriver Driver { get; private set; }

    public static string SampleSchema => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "samples", "MultimodalStack", "secrets.schema.json"));

    public static GeneratorHarness Create(
        IEnumerable<TestAdditionalText> schemas,
        string rootNamespace = "Contoso.Shop",
        string? environment = null,
        IEnumerable<MetadataReference>? references = null,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        IEnumerable<TestAdditionalText>? otherFiles = null)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
        var compilation = Compiler.Create(
            new[] { "namespace Contoso.Shop.App { internal static class Program { private static void Main() { } } }" },
            references ?? ReferenceSets.Net100,
            languageVersion,
            languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable);
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace };
        if (environment is not null)
        {
            global["build_property.SecretsEnvironment"] = environment;
        }

        var schemaList = schemas.ToList();
        var marked = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.SecretsSchema"] = "true" };
        var fileOptions = schemaList.ToDictionary(s => s.Path, _ => (IReadOnlyDictionary<string, string>)marked);
        var allTexts = schemaList.Concat(otherFiles ?? Enumerable.Empty<TestAdditionalText>()).ToList();
        var driver = CSharpGeneratorDriver.Create(
            new[] { new AppSecretsGenerator().AsSourceGenerator() },
            allTexts,
            parseOptions,
            new TestOptionsProvider(global, fileOptions),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return new GeneratorHarness(compilation, driver, allTexts, global, fileOptions);
    }

    public static GeneratorHarness ForSchema(string schemaText, string rootNamespace = "Contoso.Shop", string? environment = null, IEnumerable<MetadataReference>? references = null) =>
        Create(new[] { new TestAdditionalText(SchemaPath, schemaText) }, rootNamespace, environment, references);

    /// <summary>Runs the generator; returns its result and the compilation with the generated code.</summary>
    public (GeneratorRunResult Result, Microsoft.CodeAnalysis.Compilation Output) Run()
    {
        Driver = Driver.RunGeneratorsAndUpdateCompilation(Compilation, out var output, out _);
        return (Driver.GetRunResult().Results.Single(), output);
    }

    public void ReplaceSchema(string newText, string path = SchemaPath)
    {
        var replacement = new TestAdditionalText(path, newText);
        Driver = Driver.ReplaceAdditionalText(texts[path], replacement);
        texts[path] = replacement;
    }

    /// <summary>Sets an MSBuild property the compiler passes on (<c>build_property.&lt;name&gt;</c>), as a changed project would.</summary>
    public void SetBuildProperty(string name, string value)
    {
        globalOptions["build_property." + name] = value;
        Driver = Driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string>(globalOptions), fileOptions));
    }

    public void AddSource(string source) =>
        Compilation = Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, (CSharpParseOptions)Compilation.SyntaxTrees.First().Options));

    /// <summary>Each tracked step's output reasons, by tracking name.</summary>
    public static ImmutableDictionary<string, ImmutableArray<IncrementalStepRunReason>> Reasons(GeneratorRunResult result) =>
        result.TrackedSteps
            .Where(step => TrackedNames.Contains(step.Key))
            .ToImmutableDictionary(
                step => step.Key,
                step => step.Value.SelectMany(run => run.Outputs).Select(output => output.Reason).ToImmutableArray());

    /// <summary>Every tracking name the generator declares.</summary>
    public static ImmutableArray<string> TrackedNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToImmutableArray();
}
