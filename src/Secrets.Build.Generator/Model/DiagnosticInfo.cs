using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Secrets.Build.Generator.Model;

/// <summary>
/// A diagnostic as plain data, so it can travel through the pipeline and be compared by value
/// (a <see cref="Diagnostic"/> or <see cref="Location"/> would tie the model to a compilation).
/// </summary>
/// <param name="Id">The <c>SECB</c> code.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Message">The full message, fix included; never a secret value.</param>
/// <param name="Location">Where it applies, or null for the project as a whole.</param>
internal sealed record DiagnosticInfo(string Id, DiagnosticSeverity Severity, string Message, LocationInfo? Location);

/// <summary>A position in a file other than C# source (the schema JSON).</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Span">The character span.</param>
/// <param name="LineSpan">0-based start and end line and column.</param>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
