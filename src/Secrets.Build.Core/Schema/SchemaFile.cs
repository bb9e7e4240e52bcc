using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Schema;

/// <summary>Reads a schema from disk. (The parser itself does no IO, so the source generator can share it.)</summary>
internal static class SchemaFile
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

        byte[]? buffer = null;
        try
        {
            var length = ReadAll(path, ref buffer);
            return Parse(buffer, length, path);
        }
        catch (IOException exception)
        {
            return Failure(DiagnosticCodes.SchemaFileNotFound, $"The schema file could not be read: {exception.Message}", "Check the file's permissions.", path);
        }
        catch (UnauthorizedAccessException exception)
        {
            return Failure(DiagnosticCodes.SchemaFileNotFound, $"The schema file could not be read: {exception.Message}", "Check the file's permissions.", path);
        }
        finally
        {
            if (buffer is not null)
            {
                // A schema holds declarations, never values: nothing to wipe.
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// An all-ASCII file (the usual schema) is parsed from its bytes as they are. Anything else is
    /// decoded exactly as <see cref="File.ReadAllText(string)"/> would (byte order marks, UTF-16,
    /// invalid bytes), so both paths see the same text.
    /// </summary>
    private static SchemaParseResult Parse(byte[] buffer, int length, string path)
    {
        var bytes = new ReadOnlySpan<byte>(buffer, 0, length);
        if (Ascii.IsValid(bytes))
        {
            return SchemaParser.ParseAscii(buffer, length, path);
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, length, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return SchemaParser.Parse(reader.ReadToEnd(), path);
    }

    /// <summary>
    /// Reads the whole file into a pooled buffer (a 10,000-secret schema is ~2 MB: a fresh array,
    /// and a string twice its size, per build would each be a large-object allocation).
    /// Returns the byte count; <paramref name="buffer"/> is set as soon as it is rented so the caller returns it.
    /// </summary>
    private static int ReadAll(string path, [NotNull] ref byte[]? buffer)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(stream.Length + 1, SchemaParser.MaxFileBytes + 1));
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                // The file grew since its length was read: keep reading what is there.
                var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                Buffer.BlockCopy(buffer, 0, larger, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }

    private static SchemaParseResult Failure(string code, string message, string fix, string path) =>
        new(null, ImmutableArray.Create(SecretsDiagnostic.Error(code, message, fix, SourceLocation.ForFile(path))));
}
