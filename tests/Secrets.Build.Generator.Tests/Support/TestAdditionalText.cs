using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>An AdditionalFile held in memory.</summary>
internal sealed class TestAdditionalText(string path, string? text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) =>
        text is null ? null : SourceText.From(text);
}
