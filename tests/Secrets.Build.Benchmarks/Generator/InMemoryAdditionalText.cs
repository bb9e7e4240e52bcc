using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Secrets.Build.Benchmarks.Generator;

/// <summary>The schema as an AdditionalFile, held in memory so the benchmark times the generator and not the disk.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText sourceText = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => sourceText;
}
