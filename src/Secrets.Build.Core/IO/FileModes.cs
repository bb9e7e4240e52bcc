using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Secrets.Build.Core.IO;

/// <summary>
/// Keeps secret-bearing files readable by their owner only. On Unix that means mode 600 for
/// files and 700 for folders. Windows has no Unix modes: there a user's profile and the
/// workspace's ACLs decide, and these methods do nothing.
/// </summary>
internal static class FileModes
{
    /// <summary>Owner read and write: <c>600</c>.</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read, write and enter: <c>700</c>.</summary>
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>True where Unix modes exist and are enforced.</summary>
    [UnsupportedOSPlatformGuard("windows")]
    public static bool IsSupported => !OperatingSystem.IsWindows();

    /// <summary>Creates <paramref name="path"/> (and missing parents) and makes it mode 700.</summary>
    /// <exception cref="Diagnostics.SecretsException">SECB560 when the folder exists and belongs to another user.</exception>
    public static void EnsurePrivateDirectory(string path)
    {
        if (!IsSupported)
        {
            Directory.CreateDirectory(path);
            return;
        }

        FileOwner.RefuseAnotherUsersFolder(path);
        Directory.CreateDirectory(path, PrivateDirectory);
        // CreateDirectory leaves an existing folder's mode alone, and the umask may have
        // narrowed a new one; either way the folder must end up exactly 700.
        if (File.GetUnixFileMode(path) != PrivateDirectory)
        {
            File.SetUnixFileMode(path, PrivateDirectory);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> and each missing folder above it, every one of them mode 700;
    /// folders that already exist keep their mode (they are the user's).
    /// </summary>
    /// <remarks>
    /// <see cref="Directory.CreateDirectory(string, UnixFileMode)"/> gives its mode to the last folder
    /// only and creates the missing parents with the default mode (755 under the usual umask), so a
    /// new <c>~/.config/secrets-build</c> would show other users which stores have keys here.
    /// </remarks>
    public static void CreatePrivateDirectories(string path)
    {
        if (!IsSupported)
        {
            Directory.CreateDirectory(path);
            return;
        }

        var missing = new Stack<string>();
        for (var folder = System.IO.Path.GetFullPath(path); folder is not null && !Directory.Exists(folder); folder = System.IO.Path.GetDirectoryName(folder))
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, PrivateDirectory);
            // The umask may have narrowed the mode; it must end up exactly 700.
            File.SetUnixFileMode(folder, PrivateDirectory);
        }
    }

    /// <summary>Makes an existing file mode 600.</summary>
    public static void EnsurePrivateFile(string path)
    {
        if (IsSupported && File.GetUnixFileMode(path) != PrivateFile)
        {
            File.SetUnixFileMode(path, PrivateFile);
        }
    }

    /// <summary>Makes the open file behind <paramref name="handle"/> mode 600, whatever its path now points at.</summary>
    public static void EnsurePrivateFile(SafeFileHandle handle)
    {
        if (IsSupported && File.GetUnixFileMode(handle) != PrivateFile)
        {
            File.SetUnixFileMode(handle, PrivateFile);
        }
    }

    /// <summary>The mode of a file or folder, or null on Windows.</summary>
    public static UnixFileMode? Read(string path) =>
        IsSupported ? File.GetUnixFileMode(path) : null;

    /// <summary>The mode in the octal form <c>chmod</c> takes, e.g. <c>600</c>.</summary>
    public static string ToOctal(UnixFileMode mode) => Convert.ToString((int)mode, 8);
}
