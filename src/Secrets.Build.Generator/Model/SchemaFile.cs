using Secrets.Build.Core.Schema;

namespace Secrets.Build.Generator.Model;

/// <summary>A schema file's path and text, read once from its <c>AdditionalText</c>.</summary>
/// <param name="Path">The path the compiler was given.</param>
/// <param name="Text">The content, or null when the file could not be read.</param>
internal sealed record SchemaFile(string Path, string? Text);
