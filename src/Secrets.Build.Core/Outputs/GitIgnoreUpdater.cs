using System.Text;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Keeps the plaintext outputs out of git: adds the missing entries to a marked block of the
/// workspace's <c>.gitignore</c>, leaving every line of the user's untouched.
/// </summary>
internal static class GitIgnoreUpdater
{
    /// <summary>The first line of the block this class owns.</summary>
    public const string BlockStart = "# >>> Secrets.Build: plaintext secrets, never commit >>>";

    /// <summary>The last line of the block this class owns.</summary>
    public const string BlockEnd = "# <<< Secrets.Build <<<";

    /// <summary>
    /// The new <c>.gitignore</c> text, or null when every entry is already there (so the caller
    /// leaves the file and its timestamp alone). An entry counts as present when a line of the file,
    /// trimmed and without a leading <c>/</c>, equals it. New entries go into the block (created at
    /// the end of the file the first time). A file with CRLF line endings keeps them.
    /// </summary>
    /// <param name="existingContent">The current file text, or null when there is no file.</param>
    /// <param name="entries">Patterns to ignore, e.g. <see cref="OutputPaths.PlaintextOutputs"/>.</param>
    /// <exception cref="ArgumentException">An entry is empty, spans lines or starts with <c>#</c> or <c>!</c>.</exception>
    public static string? Update(string? existingContent, IEnumerable<string> entries)
    {
        var existing = existingContent ?? string.Empty;
        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = existing.Length == 0
            ? new List<string>()
            : existing.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var endsWithNewline = existing.EndsWith('\n');
        if (endsWithNewline)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var present = new HashSet<string>(lines.Select(Key), StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var entry in entries)
        {
            Validate(entry);
            if (present.Add(Key(entry)))
            {
                missing.Add(entry.Trim());
            }
        }

        if (missing.Count == 0)
        {
            return null;
        }

        var blockEnd = lines.FindIndex(l => l.Trim() == BlockEnd);
        var blockStart = lines.FindIndex(l => l.Trim() == BlockStart);
        if (blockStart >= 0 && blockEnd > blockStart)
        {
            lines.InsertRange(blockEnd, missing);
        }
        else
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
            {
                lines.Add(string.Empty);
            }

            lines.Add(BlockStart);
            lines.AddRange(missing);
            lines.Add(BlockEnd);
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append(newline);
        }

        return text.ToString();
    }

    private static string Key(string line) => line.Trim().TrimStart('/');

    private static void Validate(string entry)
    {
        var trimmed = entry?.Trim() ?? string.Empty;
        if (trimmed.Length == 0 || trimmed.IndexOfAny(['\r', '\n']) >= 0 || trimmed[0] is '#' or '!')
        {
            throw new ArgumentException("A .gitignore entry must be one non-empty pattern that does not start with '#' or '!'.", "entries");
        }
    }
}
