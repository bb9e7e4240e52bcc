using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.IO;

/// <summary>
/// Refuses to open a file through a symbolic link. A linked audit trail or lock file would make a
/// build append to, create or re-mode whatever the link points at (another user's file, a file
/// outside the workspace); such a link is an error, never followed.
/// </summary>
/// <remarks>
/// .NET has no <c>O_NOFOLLOW</c> open, so the path is checked (lstat, <see cref="FileSystemInfo.LinkTarget"/>)
/// right before it is opened and again right after: a link that is already there is never written
/// through, and one swapped in while the file was being opened is caught before anything is written.
/// </remarks>
internal static class NoLinkFile
{
    /// <summary>Opens <paramref name="path"/> with <paramref name="options"/>, refusing a symbolic link.</summary>
    /// <exception cref="SecretsException">SECB553 when <paramref name="path"/> is a symbolic link.</exception>
    public static FileStream Open(string path, FileStreamOptions options)
    {
        RefuseLink(path);
        var stream = new FileStream(path, options);
        try
        {
            RefuseLink(path);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Throws when <paramref name="path"/> is a symbolic link; a missing file is fine.</summary>
    /// <exception cref="SecretsException">SECB553 when it is one.</exception>
    public static void RefuseLink(string path)
    {
        if (new FileInfo(path).LinkTarget is { } target)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.SymbolicLinkSkipped,
                $"{path} is a symbolic link to {target}. Secrets.Build does not open its audit trail or lock files through a link: it would append to, create or change the mode of the file the link points at.",
                $"Remove the link (rm '{path}'); the next run creates a real file in its place. If the link pointed at the real trail, move that file to {path} instead.",
                SourceLocation.ForFile(path)));
        }
    }
}
