using System.Text.RegularExpressions;

namespace Secrets.Build.Core.Tests.Architecture;

/// <summary>One use of a Core folder's namespace in a Core source file, found by its text.</summary>
internal sealed partial record CoreReference(string File, int Line, string FromFolder, string ToFolder)
{
    public static string CoreDirectory { get; } = Path.Combine(TestPaths.RepositoryRoot, "src", "Secrets.Build.Core");

    /// <summary>
    /// Every <c>using Secrets.Build.Core.X</c> and qualified <c>Secrets.Build.Core.X.</c> name in Core,
    /// and every use in code (not in comments) of a type declared at Core's root: each folder's
    /// namespace sees those without a using.
    /// </summary>
    public static IEnumerable<CoreReference> All()
    {
        var files = SourceFiles().ToList();
        var rootTypes = files.Where(f => FolderOf(f.Relative) == CoreLayers.RootFolder)
            .SelectMany(f => TypeDeclaration().Matches(System.IO.File.ReadAllText(f.Path)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var (path, relative) in files)
        {
            var from = FolderOf(relative);
            var lines = System.IO.File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                // The file's own namespace declaration names its folder, not a dependency.
                if (lines[i].TrimStart().StartsWith("namespace ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match match in CoreNamespace().Matches(lines[i]))
                {
                    yield return new CoreReference(relative, i + 1, from, match.Groups["folder"].Value);
                }

                var code = StringLiteral().Replace(lines[i].TrimStart(), "\"\"");
                if (from != CoreLayers.RootFolder && !code.StartsWith("//", StringComparison.Ordinal)
                    && Identifier().Matches(code).Any(m => rootTypes.Contains(m.Value)))
                {
                    yield return new CoreReference(relative, i + 1, from, CoreLayers.RootFolder);
                }
            }
        }
    }

    private static IEnumerable<(string Path, string Relative)> SourceFiles() =>
        Directory.EnumerateFiles(CoreDirectory, "*.cs", SearchOption.AllDirectories)
            .Select(path => (path, Path.GetRelativePath(CoreDirectory, path).Replace('\\', '/')))
            .Where(f => !f.Item2.StartsWith("bin/", StringComparison.Ordinal) && !f.Item2.StartsWith("obj/", StringComparison.Ordinal));

    public override string ToString() => $"{File}:{Line}: {Describe(FromFolder)} uses {Describe(ToFolder)}";

    private static string FolderOf(string relative)
    {
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? CoreLayers.RootFolder : relative[..slash];
    }

    private static string Describe(string folder) =>
        (folder.Length == 0 ? "(root)" : folder) + " (layer " + (CoreLayers.Of(folder)?.ToString() ?? "none") + ")";

    // "Secrets.Build.Core.X" followed by ';' (a using) or '.' (a qualified name); not Secrets.Build.Core.Tests.
    [GeneratedRegex(@"\bSecrets\.Build\.Core\.(?!Tests\b)(?<folder>[A-Z]\w*)(?=[.;\s])")]
    private static partial Regex CoreNamespace();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    // Text in quotes names no type (e.g. "SecretsManager.RepairPermissions" in a fix message).
    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b[A-Z]\w*")]
    private static partial Regex Identifier();
}
