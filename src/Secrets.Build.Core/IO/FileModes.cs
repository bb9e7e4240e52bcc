using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.IO;

/// <summary>
/// Keeps secret-bearing files readable by their owner only. On Unix that means mode 600 for
/// files and 700 for folders. Windows has no Unix modes: there a user's profile and the
/// workspace's ACLs decide, and these methods do nothing.
/// </summary>
public static class FileModes
{
    /// <summary>Owner read and write: <c>600</c>.</summary>
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read, write and enter: <c>700</c>.</summary>
    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>True where Unix modes exist and are enforced.</summary>
    [UnsupportedOSPlatformGuard("windows")]
    public static bool IsSupported => !OperatingSystem.IsWindows();

    /// <summary>Creates <paramref name="path"/> (and missing parents) and makes it mode 700.</summary>
    /// <exception cref="SecretsException">SECB560 when the folder exists and belongs to another user.</exception>
    public static void EnsurePrivateDirectory(string path)
    {
        if (!IsSupported)
        {
            Directory.CreateDirectory(path);
            return;
        }

        RefuseAnotherUsersFolder(path);
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

    /// <summary>
    /// Refuses an existing folder another user owns. Without this a build fails half-way with a raw
    /// access error (it may not change the folder's mode or create its lock there), and a build run
    /// as root (a container on a mounted checkout) fills the user's folder with root-owned files
    /// that the user's own builds then cannot open. Git refuses such a repository for the same reason.
    /// </summary>
    /// <exception cref="SecretsException">SECB560 when it belongs to another user.</exception>
    public static void RefuseAnotherUsersFolder(string path)
    {
        if (Directory.Exists(path) && FileOwner.BelongsToAnotherUser(path, out var owner, out var current))
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.SecretsFolderOwnedByOtherUser,
                $"The folder {path} belongs to another user (uid {owner}); this build runs as uid {current}. Secrets.Build does not read or write secrets in a folder another user owns: its owner can read and replace them, and files written here would lock its owner out.",
                $"Build as the folder's owner (in a container: docker run --user {owner}), or, if the folder is yours to take over: chown -R {current} '{path}'.",
                SourceLocation.ForFile(path)));
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
