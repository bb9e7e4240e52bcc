using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Workspace;

/// <summary>Reads a schema from disk. (The parser itself does no IO, so the source generator can share it.)</summary>
public static class SchemaFile
{
    /// <summary>Reads and parses <paramref name="path"/>; a missing or oversized file is a diagnostic, not an exception.</summary>
    public static SchemaParseResult Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return Failure(DiagnosticCodes.SchemaFileNotFound, $"The schema file '{path}' does not exist.",
                "Create secrets.schema.json in the project folder or a folder above it, or point SecretsSchemaFile at it.", path);
        }

        if (info.Length > SchemaParser.MaxFileBytes)
        {
            return Failure(DiagnosticCodes.SchemaFileTooLarge,
                $"The schema file is {info.Length / (1024 * 1024)} MiB; schemas above {SchemaParser.MaxFileBytes / (1024 * 1024)} MiB are refused.",
                "Check that SecretsSchemaFile points at the schema and not at another file.", path);
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            return Failure(DiagnosticCodes.SchemaFileNotFound, $"The schema file could not be read: {exception.Message}", "Check the file's permissions.", path);
        }
        catch (UnauthorizedAccessException exception)
        {
            return Failure(DiagnosticCodes.SchemaFileNotFound, $"The schema file could not be read: {exception.Message}", "Check the file's permissions.", path);
        }

        return SchemaParser.Parse(text, path);
    }

    private static SchemaParseResult Failure(string code, string message, string fix, string path) =>
        new(null, ImmutableArray.Create(SecretsDiagnostic.Error(code, message, fix, SourceLocation.ForFile(path))));
}
