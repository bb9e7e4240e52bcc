using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Tool.Cli;

/// <summary>
/// Finds the schema as the build does (the nearest secrets.schema.json at or above the project
/// folder), and, in a folder with none above it (a solution folder whose workspace sits in a
/// subfolder), the one schema below it: the tool then acts once on that workspace.
/// </summary>
internal static class SchemaLocator
{
    public const string FileName = "secrets.schema.json";

    // Deep enough for src/<project>/, shallow enough not to walk a whole disk from the home folder.
    private const int MaxDepthBelow = 3;
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", ".git", "artifacts" };

    public static string? Find(string startDirectory, List<SecretsDiagnostic> diagnostics)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var below = FindBelow(startDirectory, 0).Order(StringComparer.Ordinal).ToList();
        if (below.Count > 1)
        {
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.SchemaAmbiguous,
                $"No {FileName} at or above '{startDirectory}', and {below.Count} below it: {string.Join(", ", below)}.",
                "Choose one with --schema <file> or run the tool from that workspace's folder."));
            return null;
        }

        return below.SingleOrDefault();
    }

    public static SecretsDiagnostic NotFound(string startDirectory) =>
        SecretsDiagnostic.Error(DiagnosticCodes.SchemaFileNotFound,
            $"No {FileName} found in '{startDirectory}', any folder above it or the folders below it.",
            $"Run 'secrets-build init' to write one, point --schema at one, or run the tool from the workspace's folder.");

    private static IEnumerable<string> FindBelow(string directory, int depth)
    {
        if (depth >= MaxDepthBelow)
        {
            yield break;
        }

        IEnumerable<string> children;
        try
        {
            children = Directory.EnumerateDirectories(directory).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var child in children.Where(c => !SkippedFolders.Contains(Path.GetFileName(c))))
        {
            var candidate = Path.Combine(child, FileName);
            if (File.Exists(candidate))
            {
                yield return candidate;
                continue;
            }

            foreach (var found in FindBelow(child, depth + 1))
            {
                yield return found;
            }
        }
    }
}
