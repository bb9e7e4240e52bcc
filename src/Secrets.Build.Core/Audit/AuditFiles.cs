using System.Globalization;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// The files one trail is made of: the active file (<c>.env.dev.audit.jsonl</c>), the files
/// it rolled over into, oldest first (<c>.env.dev.audit.1.jsonl</c>, <c>.2.jsonl</c>, ...),
/// and the lock file that serializes appends (<c>.env.dev.audit.jsonl.lock</c>).
/// </summary>
internal sealed class AuditFiles
{
    private readonly string _stem;
    private readonly string _extension;

    public AuditFiles(string activePath)
    {
        ActivePath = Path.GetFullPath(activePath);
        DirectoryPath = Path.GetDirectoryName(ActivePath)!;
        _stem = Path.GetFileNameWithoutExtension(ActivePath);
        _extension = Path.GetExtension(ActivePath);
    }

    public string ActivePath { get; }

    public string DirectoryPath { get; }

    public string LockPath => ActivePath + ".lock";

    public string RolledPath(int number) =>
        Path.Combine(DirectoryPath, $"{_stem}.{number.ToString(CultureInfo.InvariantCulture)}{_extension}");

    /// <summary>The newest rolled file (highest number), or null when there is none.</summary>
    /// <remarks>Reading a trail's head calls this rather than <see cref="FindRolled"/>, so a build loads the tuple types only when a trail has rolled.</remarks>
    public string? LastRolledPath() => FindRolled() is { Count: > 0 } rolled ? rolled[^1].Path : null;

    /// <summary>The rolled-over files that exist, by number, oldest first.</summary>
    public IReadOnlyList<(int Number, string Path)> FindRolled()
    {
        if (!Directory.Exists(DirectoryPath))
        {
            return Array.Empty<(int, string)>();
        }

        var rolled = new List<(int Number, string Path)>();
        foreach (var path in Directory.EnumerateFiles(DirectoryPath, $"{_stem}.*{_extension}"))
        {
            var name = Path.GetFileName(path);
            var middle = name.AsSpan(_stem.Length + 1, name.Length - _stem.Length - 1 - _extension.Length);
            // Digits only and no leading zero, so ".01." and ".+1." are not mistaken for file 1.
            if (middle.Length > 0 && middle[0] != '0' && middle.IndexOfAnyExceptInRange('0', '9') < 0
                && int.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                rolled.Add((number, path));
            }
        }

        rolled.Sort((a, b) => a.Number.CompareTo(b.Number));
        return rolled;
    }
}
