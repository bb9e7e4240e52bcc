using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Writes a new key file so that it is never half-written, never readable by others and never
/// replaces an existing key: a temp file created with mode 600 in the same folder, flushed to disk,
/// then moved to its name without overwriting (<see cref="NoClobberPublish"/>).
/// </summary>
internal static class KeyFileWriter
{
    public static void WriteNew(string path, ReadOnlySpan<byte> key)
    {
        var directory = Path.GetDirectoryName(path)!;
        CreateDirectory(directory);
        if (File.Exists(path))
        {
            throw AlreadyExists(path);
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        var bytes = Encoding.ASCII.GetBytes(KeyText.Format(key) + "\n");
        try
        {
            using (var stream = new FileStream(temp, CreateOptions()))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            NoClobberPublish.Move(temp, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw AlreadyExists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.KeyFileWriteFailed,
                $"The key file {path} could not be written: {e.Message}",
                $"Make sure you can create files in {directory}, or choose another folder with {KeyVariables.KeyDirectory}.",
                SourceLocation.ForFile(path)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            TryDelete(temp);
        }
    }

    private static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            // An existing folder's mode is the user's choice; Resolve warns if it is too open.
            return;
        }

        try
        {
            // Every folder created on the way gets 700 (e.g. ~/.config/secrets-build too).
            FileModes.CreatePrivateDirectories(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.KeyFileWriteFailed,
                $"The key folder {directory} could not be created: {e.Message}",
                $"Create it yourself (mkdir -p '{directory}' && chmod 700 '{directory}') or choose another folder with {KeyVariables.KeyDirectory}.",
                SourceLocation.ForFile(directory)));
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Set at creation, so the key is never readable by others, not even for a moment.
            options.UnixCreateMode = KeyFilePermissions.FileMode;
        }

        return options;
    }

    private static SecretsException AlreadyExists(string path) => new(SecretsDiagnostic.Error(
        DiagnosticCodes.KeyFileAlreadyExists,
        $"A key file already exists at {path}; a new key would make the stores it opens unreadable.",
        "Use the existing key: it is found automatically. Never delete a key file that a store still needs.",
        SourceLocation.ForFile(path)));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp file holds a key that was never used; nothing depends on it.
        }
    }
}
