using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Unix permission rules for key files (600) and their folder (700). A too-open existing file or
/// folder gets a warning with the chmod fix, never a silent chmod of the user's file.
/// </summary>
/// <remarks>
/// Windows has no Unix modes, so nothing is checked or set there: the default key folder is under
/// <c>%APPDATA%</c>, whose inherited ACL already grants only the user, SYSTEM and Administrators;
/// this library does not change ACLs. A folder chosen with <c>SECRETS_BUILD_KEY_DIR</c> keeps
/// whatever ACL its owner gave it.
/// </remarks>
internal static class KeyFilePermissions
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Warnings for a key file or its folder that others can read, list or write.</summary>
    public static IEnumerable<SecretsDiagnostic> Check(string keyFilePath)
    {
        if (OperatingSystem.IsWindows())
        {
            yield break;
        }

        foreach (var warning in CheckDirectory(Path.GetDirectoryName(keyFilePath)!))
        {
            yield return warning;
        }

        var fileMode = File.GetUnixFileMode(keyFilePath);
        if ((fileMode & GroupOrOther) != 0)
        {
            yield return SecretsDiagnostic.Warning(
                DiagnosticCodes.KeyFileModeTooOpen,
                $"The key file {keyFilePath} has mode {Octal(fileMode)}: other users may read the key.",
                $"Run: chmod 600 '{keyFilePath}'",
                SourceLocation.ForFile(keyFilePath));
        }
    }

    /// <summary>A warning when the key folder can be listed, entered or written by others; it is checked before it holds a key too.</summary>
    public static IEnumerable<SecretsDiagnostic> CheckDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            yield break;
        }

        var directoryMode = File.GetUnixFileMode(directory);
        if ((directoryMode & GroupOrOther) != 0)
        {
            yield return SecretsDiagnostic.Warning(
                DiagnosticCodes.KeyDirectoryModeTooOpen,
                $"The key folder {directory} has mode {Octal(directoryMode)}: other users can see which keys it holds.",
                $"Run: chmod 700 '{directory}'",
                SourceLocation.ForFile(directory));
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');
}
