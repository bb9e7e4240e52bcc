using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.IO;

/// <summary>
/// Replaces a file so that a reader, or the next run after a crash, sees either the old
/// content or the new one, never a truncated mix: the new content goes to a temporary file in
/// the same folder (same file system, so the rename is atomic), is flushed to disk, gets mode
/// 600, and only then is renamed over the target.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// The suffix of temporary files (<c>&lt;target name&gt;.&lt;random&gt;.secrets-build.tmp</c>).
    /// A crash can leave one behind, holding what the target would have held (plaintext for a
    /// <c>.env</c> file), so <see cref="TempFilePattern"/> belongs in the workspace <c>.gitignore</c>.
    /// </summary>
    public const string TempSuffix = ".secrets-build.tmp";

    /// <summary>The <c>.gitignore</c> pattern that matches every temporary file.</summary>
    public const string TempFilePattern = "*" + TempSuffix;

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> atomically, mode 600.</summary>
    /// <exception cref="SecretsException">SECB248 when the file cannot be written (disk full, permissions).</exception>
    public static void Write(string path, ReadOnlySpan<byte> content) => Write(path, content, beforeRename: null);

    /// <summary>Writes UTF-8 text (no byte order mark) atomically, mode 600.</summary>
    public static void WriteText(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        try
        {
            Write(path, bytes);
        }
        finally
        {
            // The text may be plaintext (a regenerated .env): clear the copy this method made.
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// Writes only when the content differs from what is on disk, so an unchanged file keeps
    /// its timestamp and MSBuild's incremental checks stay quiet. Returns true when it wrote.
    /// An unchanged file is still narrowed to mode 600 (that touches no timestamp MSBuild reads).
    /// </summary>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        if (HasContent(path, content))
        {
            FileModes.EnsurePrivateFile(path);
            return false;
        }

        Write(path, content);
        return true;
    }

    /// <summary>Text form of <see cref="WriteIfChanged(string, ReadOnlySpan{byte})"/>.</summary>
    public static bool WriteTextIfChanged(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        try
        {
            return WriteIfChanged(path, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>
    /// The write itself. <paramref name="beforeRename"/> runs after the temp file is complete
    /// and before the rename: tests throw from it to simulate a crash at the worst moment.
    /// </summary>
    internal static void Write(string path, ReadOnlySpan<byte> content, Action<string>? beforeRename) =>
        Write(path, content, beforeRename, durable: true);

    /// <param name="path">The file to replace.</param>
    /// <param name="content">Its new bytes.</param>
    /// <param name="beforeRename">Runs between the complete temp file and the rename (crash tests).</param>
    /// <param name="durable">
    /// Whether the bytes reach the device before the rename. Only a file that can be lost without
    /// losing anything (it is rebuilt from what the next run sees) may skip it: the flush is a
    /// visible share of a short build.
    /// </param>
    internal static void Write(string path, ReadOnlySpan<byte> content, Action<string>? beforeRename, bool durable)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        var tempPath = Path.Combine(directory, $"{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            WriteTempFile(tempPath, content, durable);
            beforeRename?.Invoke(tempPath);
            // rename(2) replaces the target atomically. The folder entry itself is not fsynced
            // (.NET cannot open a directory as a file); after a power loss the folder shows
            // either name, and either file is complete.
            File.Move(tempPath, fullPath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(tempPath);
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.WriteFailed,
                $"Could not write '{fullPath}': {ex.Message} The previous content, if any, is unchanged.",
                "Check free disk space and that the folder is writable by the user running the build, then build again.",
                SourceLocation.ForFile(fullPath)));
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static void WriteTempFile(string tempPath, ReadOnlySpan<byte> content, bool durable)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.None,
        };
        if (FileModes.IsSupported)
        {
            // Created 600 from the first byte, so no other user can open it in between.
            options.UnixCreateMode = FileModes.PrivateFile;
        }

        using var stream = new FileStream(tempPath, options);
        stream.Write(content);
        // Flush to the device, not only to the OS cache: the rename must never reach the disk
        // before the data it points to.
        stream.Flush(flushToDisk: durable);
        if (FileModes.IsSupported)
        {
            // The umask may narrow UnixCreateMode but never widen it; set it exactly anyway,
            // before the rename makes the file visible under its real name.
            File.SetUnixFileMode(stream.SafeFileHandle, FileModes.PrivateFile);
        }
    }

    private static bool HasContent(string path, ReadOnlySpan<byte> content)
    {
        try
        {
            return SameBytes(path, content);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable means "write it": the write reports the real problem if there is one.
            return false;
        }
    }

    /// <summary>
    /// True when <paramref name="path"/> exists and holds exactly <paramref name="content"/>.
    /// Compares in pooled chunks rather than reading the file whole: a 10,000-secret store is
    /// megabytes, and a fresh array of that size per check is a large-object allocation that
    /// drags in a full garbage collection. Read errors propagate.
    /// </summary>
    internal static bool SameBytes(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != content.Length)
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var offset = 0;
            while (offset < content.Length)
            {
                var read = stream.Read(chunk, 0, Math.Min(chunk.Length, content.Length - offset));
                if (read == 0 || !chunk.AsSpan(0, read).SequenceEqual(content.Slice(offset, read)))
                {
                    return false;
                }

                offset += read;
            }

            // A file that grew since its length was read is not the same content either.
            return stream.Read(chunk, 0, 1) == 0;
        }
        finally
        {
            // The chunk held file content, plaintext for a .env file: wipe it before others reuse it.
            ArrayPool<byte>.Shared.Return(chunk, clearArray: true);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file holds no more than the target would have.
        }
    }
}
