using System.Globalization;
using System.Security.Cryptography;

namespace Secrets.Build.Core.IO;

/// <summary>
/// Names and creates the folders under <c>secrets/backup/</c> that keep a copy of files before
/// they are replaced: one folder per moment, mode 700, never reused.
/// </summary>
internal static class BackupFolder
{
    /// <summary>The folder, inside <c>secrets/</c>, that holds one subfolder per backup.</summary>
    public const string Name = "backup";

    /// <summary>A new, not yet existing <c>&lt;secrets&gt;/backup/&lt;yyyyMMddTHHmmssZ&gt;[-n]</c> path.</summary>
    public static string Next(string secretsDirectory, DateTimeOffset now)
    {
        var root = Path.Combine(secretsDirectory, Name);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var candidate = Path.Combine(root, stamp);
        for (var n = 2; Directory.Exists(candidate); n++)
        {
            candidate = Path.Combine(root, $"{stamp}-{n.ToString(CultureInfo.InvariantCulture)}");
        }

        return candidate;
    }

    /// <summary>Creates <paramref name="folder"/> and its parent with mode 700: a backup may hold plaintext.</summary>
    public static void Create(string folder)
    {
        FileModes.EnsurePrivateDirectory(Path.GetDirectoryName(folder)!);
        FileModes.EnsurePrivateDirectory(folder);
    }

    /// <summary>Copies with mode 600 and a flush to disk; the buffer (plaintext, for outputs) is wiped afterwards.</summary>
    public static void CopyPrivately(string from, string to)
    {
        var bytes = File.ReadAllBytes(from);
        try
        {
            AtomicFile.Write(to, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }
}
