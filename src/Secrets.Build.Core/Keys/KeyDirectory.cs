using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Where key files live, outside any workspace so that <c>git clean -xdf</c> cannot delete them and
/// <c>git add</c> cannot commit them. In order: the explicit folder option, <c>$SECRETS_BUILD_KEY_DIR</c>,
/// then the per-user config folder: <c>%APPDATA%\secrets-build\keys</c> on Windows,
/// <c>$XDG_CONFIG_HOME/secrets-build/keys</c> or <c>~/.config/secrets-build/keys</c> elsewhere.
/// </summary>
internal static class KeyDirectory
{
    /// <summary>The key folder as a full path, or null when none of its sources is set.</summary>
    /// <param name="explicitDirectory">The option a build passes (e.g. an MSBuild property), if any.</param>
    /// <param name="variables">The environment variables.</param>
    /// <param name="windows">Whether to use the Windows default.</param>
    /// <param name="baseDirectory">What a relative explicit folder is relative to.</param>
    public static string? Find(
        string? explicitDirectory,
        IReadOnlyDictionary<string, string> variables,
        bool windows,
        string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory, baseDirectory);
        }

        if (NonEmpty(variables, KeyVariables.KeyDirectory) is { } fromVariable)
        {
            return Path.GetFullPath(fromVariable, baseDirectory);
        }

        if (windows)
        {
            return NonEmpty(variables, "APPDATA") is { } appData && Path.IsPathFullyQualified(appData)
                ? Path.Combine(appData, "secrets-build", "keys")
                : null;
        }

        // The XDG Base Directory spec says to ignore a relative XDG_CONFIG_HOME.
        if (NonEmpty(variables, "XDG_CONFIG_HOME") is { } configHome && Path.IsPathRooted(configHome))
        {
            return Path.Combine(configHome, "secrets-build", "keys");
        }

        return NonEmpty(variables, "HOME") is { } home && Path.IsPathRooted(home)
            ? Path.Combine(home, ".config", "secrets-build", "keys")
            : null;
    }

    /// <summary>True when <paramref name="directory"/> is <paramref name="workspace"/> or inside it, as written or through symbolic links.</summary>
    /// <remarks>
    /// Path.GetRelativePath compares case-insensitively where file systems usually are (Windows, macOS).
    /// Both the paths as written and their real paths (links resolved) are compared: a link inside the
    /// workspace that points outside it counts as inside, and so does a folder outside that is a link into it.
    /// </remarks>
    public static bool IsInside(string directory, string workspace) =>
        IsInsideAsWritten(directory, workspace) || IsInsideAsWritten(RealPath.Of(directory), RealPath.Of(workspace));

    private static bool IsInsideAsWritten(string directory, string workspace)
    {
        var relative = Path.GetRelativePath(workspace, directory);
        var differentRoot = Path.IsPathRooted(relative);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return !differentRoot && !outside;
    }

    private static string? NonEmpty(IReadOnlyDictionary<string, string> variables, string name) =>
        variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
