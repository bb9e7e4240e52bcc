using System.Runtime.InteropServices;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Gives a fully written temp file its final name only if that name does not exist yet, as one
/// atomic step, so two processes creating the first key at once cannot replace each other's key.
/// </summary>
/// <remarks>
/// <see cref="File.Move(string, string, bool)"/> without overwrite is not enough on Unix: .NET checks
/// that the target is absent and then calls rename(2), which replaces a file created in between.
/// link(2) fails with EEXIST instead, atomically; the temp name is removed afterwards. Windows'
/// MoveFileEx without MOVEFILE_REPLACE_EXISTING is already atomic, so File.Move serves there.
/// </remarks>
internal static class NoClobberPublish
{
    // EEXIST is 17 on Linux, macOS and the BSDs.
    private const int AlreadyExists = 17;

    /// <exception cref="IOException">The target exists (or the move failed for another reason).</exception>
    public static void Move(string temp, string target)
    {
        if (OperatingSystem.IsWindows())
        {
            File.Move(temp, target, overwrite: false);
            return;
        }

        if (Link(temp, target) == 0)
        {
            File.Delete(temp);
            return;
        }

        var error = Marshal.GetLastPInvokeError();
        if (error == AlreadyExists)
        {
            throw new IOException($"{target} already exists.");
        }

        // A file system without hard links (some network and FUSE mounts): fall back to the
        // check-then-rename of File.Move, which leaves only a tiny window for a race.
        File.Move(temp, target, overwrite: false);
    }

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Link(string existingPath, string newPath);
}
