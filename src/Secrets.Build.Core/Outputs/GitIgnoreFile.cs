using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Outputs;

/// <summary>The workspace's <c>.gitignore</c> on disk: adds missing entries to the managed block (<see cref="GitIgnoreUpdater"/>).</summary>
internal static class GitIgnoreFile
{
    /// <summary>Adds whichever of <paramref name="entries"/> are missing; leaves the file and its time alone when none is.</summary>
    public static void Ensure(string workspace, IReadOnlyList<string> entries)
    {
        var path = Path.Combine(workspace, ".gitignore");
        var existing = File.Exists(path) ? File.ReadAllText(path) : null;
        if (GitIgnoreUpdater.Update(existing, entries) is { } updated)
        {
            // .gitignore is the user's file and nothing secret: replace its content atomically,
            // then give back the mode it had (or the usual 644) instead of the private 600.
            var mode = (existing is null ? null : FileModes.Read(path)) ?? (UnixFileMode)0b110_100_100;
            AtomicFile.WriteTextIfChanged(path, updated);
            if (FileModes.IsSupported)
            {
                File.SetUnixFileMode(path, mode);
            }
        }
    }
}
