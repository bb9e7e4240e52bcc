using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>Compiles sources the way a strict consumer project would: every warning an error.</summary>
internal static class Compiler
{
    public static CSharpCompilation Create(
        IEnumerable<string> sources,
        IEnumerable<MetadataReference> references,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        NullableContextOptions nullable = NullableContextOptions.Enable,
        string assemblyName = "Consumer")
    {
        var parseOptions = new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose);
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs"));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: nullable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999,
                // The SDK suppresses these two in every project (assembly version unification).
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
    }

    /// <summary>Every diagnostic that is not hidden, as readable lines.</summary>
    public static ImmutableArray<string> Problems(Microsoft.CodeAnalysis.Compilation compilation) => compilation
        .GetDiagnostics()
        .Where(d => d.Severity > DiagnosticSeverity.Hidden)
        .Select(d => d.ToString())
        .ToImmutableArray();

    public static byte[] Emit(Microsoft.CodeAnalysis.Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
