using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// Git checks the committed store and metadata out as 644 (it keeps only the executable bit), so
/// every fresh clone starts with files other users can read. Provisioning sets them to 600 and
/// says so once, with SECB551: the next build finds them 600 and says nothing.
/// </summary>
internal static class CommittedFileModes
{
    public static void Tighten(StorePaths paths, List<SecretsDiagnostic> diagnostics)
    {
        if (!FileModes.IsSupported)
        {
            return;
        }

        foreach (var path in new[] { paths.StorePath, paths.MetadataPath })
        {
            var info = new FileInfo(path);
            // A symbolic link points at a file this build does not own; the permission check reports it.
            if (!info.Exists || info.LinkTarget is not null)
            {
                continue;
            }

            var mode = info.UnixFileMode;
            if (mode == FileModes.PrivateFile)
            {
                continue;
            }

            try
            {
                File.SetUnixFileMode(path, FileModes.PrivateFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.ModeRepairFailed,
                    $"{path} is mode {FileModes.ToOctal(mode)} and could not be set to 600: {ex.Message}",
                    $"Run chmod 600 {path} as the file's owner.",
                    SourceLocation.ForFile(path)));
                continue;
            }

            diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.FileModeWrong,
                $"{path} was mode {FileModes.ToOctal(mode)} (as git checks files out), readable by other users; it is now 600.",
                "Nothing more to do: this is said once, on the first build of a fresh clone or after a file was copied in.",
                SourceLocation.ForFile(path)));
        }
    }
}
