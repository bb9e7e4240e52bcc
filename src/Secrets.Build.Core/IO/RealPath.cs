namespace Secrets.Build.Core.IO;

/// <summary>
/// A path with every symbolic link in it resolved, as the operating system would follow it
/// (what <c>realpath -m</c> prints), so two paths can be compared by where they really lead.
/// </summary>
/// <remarks>
/// Written by hand because .NET resolves only a path's last component
/// (<see cref="FileSystemInfo.ResolveLinkTarget(bool)"/>); a link to a folder halfway down the
/// path would go unnoticed. Parts that do not exist yet are kept as written.
/// </remarks>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); a cycle ends here the same way.
    private const int MaxLinks = 40;

    /// <summary>The full path of <paramref name="path"/> with its symbolic links resolved.</summary>
    /// <exception cref="IOException">More than 40 links: a cycle.</exception>
    public static string Of(string path)
    {
        var remaining = Path.GetFullPath(path);
        for (var links = 0; links <= MaxLinks; links++)
        {
            var resolved = ResolveFirstLink(remaining);
            if (resolved is null)
            {
                return remaining;
            }

            remaining = resolved;
        }

        throw new IOException($"Too many levels of symbolic links in {path}.");
    }

    /// <summary>The path with its first link replaced by the link's target; null when no part of it is a link.</summary>
    private static string? ResolveFirstLink(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath)!;
        var parts = fullPath[root.Length..].Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var current = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                // A relative target is relative to the folder holding the link.
                return Path.GetFullPath(Path.Combine([Path.GetFullPath(target, current), .. parts[(i + 1)..]]));
            }

            current = next;
        }

        return null;
    }
}
