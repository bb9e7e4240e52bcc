using System.Collections.Immutable;
using System.Runtime.Versioning;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Maintenance;

/// <summary>
/// Checks, and on request repairs, the Unix modes of a workspace's secret-bearing files (600)
/// and folders (700). Anything else is reported, too open or too closed: a 644 store leaks to
/// other users, a 400 one breaks the next save.
/// </summary>
/// <remarks>
/// Symbolic links are reported and never followed: <c>chmod</c> through a link would change a
/// file outside the workspace that the user never pointed the tool at.
/// </remarks>
internal static class PermissionInspector
{
    /// <summary>The permission bits; setuid, setgid and sticky bits are not this check's business.</summary>
    private const UnixFileMode Mask = (UnixFileMode)0x1FF;

    public static PermissionReport Run(PermissionOptions options, bool repair)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!FileModes.IsSupported)
        {
            return new PermissionReport
            {
                Diagnostics = [SecretsDiagnostic.Warning(DiagnosticCodes.ModesNotSupported,
                    "Windows has no Unix file modes; nothing was checked or changed.",
                    "Keep the workspace and the key folder (%APPDATA%\\secrets-build\\keys) under your user profile, whose ACL admits only you, SYSTEM and Administrators.")
                    with { Severity = SecretsSeverity.Info }],
            };
        }

        var workspace = Path.GetFullPath(options.WorkspacePath);
        var variables = options.EnvironmentVariables ?? Keys.EnvironmentSnapshot.FromProcess();
        var diagnostics = ImmutableArray.CreateBuilder<SecretsDiagnostic>();
        var checkedPaths = ImmutableArray.CreateBuilder<string>();
        var repaired = ImmutableArray.CreateBuilder<string>();
        foreach (var target in PermissionTargets.Find(workspace, options.KeyDirectory, variables))
        {
            checkedPaths.Add(target.Path);
            if (Inspect(target, repair, repaired) is { } problem)
            {
                diagnostics.Add(problem);
            }
        }

        return new PermissionReport
        {
            Diagnostics = diagnostics.ToImmutable(),
            Checked = checkedPaths.ToImmutable(),
            Repaired = repaired.ToImmutable(),
        };
    }

    [UnsupportedOSPlatform("windows")]
    private static SecretsDiagnostic? Inspect(PermissionTarget target, bool repair, ImmutableArray<string>.Builder repaired)
    {
        FileSystemInfo info = target.IsDirectory ? new DirectoryInfo(target.Path) : new FileInfo(target.Path);
        if (info.LinkTarget is not null)
        {
            return SecretsDiagnostic.Warning(DiagnosticCodes.SymbolicLinkSkipped,
                $"{target.Description} {target.Path} is a symbolic link to {info.LinkTarget}; its mode was not checked or changed.",
                $"Check the mode of {info.LinkTarget} yourself (chmod {(target.IsDirectory ? "700" : "600")}), or replace the link with the real {(target.IsDirectory ? "folder" : "file")}.",
                SourceLocation.ForFile(target.Path));
        }

        var expected = target.IsDirectory ? FileModes.PrivateDirectory : FileModes.PrivateFile;
        UnixFileMode actual;
        try
        {
            actual = info.UnixFileMode & Mask;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed between listing and checking (a concurrent build's temp file): nothing to report.
            return null;
        }

        if (actual == expected)
        {
            return null;
        }

        var octal = FileModes.ToOctal(expected);
        if (repair)
        {
            try
            {
                File.SetUnixFileMode(target.Path, expected);
                repaired.Add(target.Path);
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return SecretsDiagnostic.Error(DiagnosticCodes.ModeRepairFailed,
                    $"{target.Description} {target.Path} has mode {Octal(actual)} and could not be changed to {octal}: {ex.Message}",
                    $"It probably belongs to another user (a build run with sudo). Run: sudo chown \"$USER\" '{target.Path}' && chmod {octal} '{target.Path}'",
                    SourceLocation.ForFile(target.Path));
            }
        }

        var code = target.IsDirectory ? DiagnosticCodes.DirectoryModeWrong : DiagnosticCodes.FileModeWrong;
        return SecretsDiagnostic.Warning(code,
            $"{target.Description} {target.Path} has mode {Octal(actual)}, not {octal}: {Consequence(actual, expected, target.IsDirectory)}",
            $"Run: chmod {octal} '{target.Path}' (or repair every mode at once with SecretsManager.RepairPermissions).",
            SourceLocation.ForFile(target.Path));
    }

    private static string Consequence(UnixFileMode actual, UnixFileMode expected, bool directory)
    {
        const UnixFileMode groupOrOther = (UnixFileMode)0x3F;
        if ((actual & groupOrOther) != 0)
        {
            return directory ? "other users can list or change what it holds." : "other users can read or change it.";
        }

        return (actual & expected) != expected
            ? "its owner lacks access the next build needs (Permission denied)."
            : "it has bits it does not need.";
    }

    private static string Octal(UnixFileMode mode) => FileModes.ToOctal(mode).PadLeft(3, '0');
}
