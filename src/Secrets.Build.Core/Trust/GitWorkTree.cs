namespace Secrets.Build.Core.Trust;

/// <summary>
/// Whether a folder is inside a git work tree, by looking for <c>.git</c> (a folder, or the file a
/// linked work tree or submodule has) in it and its parents. No git process: this runs on the
/// build's path, and the question needs no more than the file system.
/// </summary>
internal static class GitWorkTree
{
    public static bool Contains(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var marker = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return true;
            }
        }

        return false;
    }
}
