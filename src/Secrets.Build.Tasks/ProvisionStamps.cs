using System.Text;

namespace Secrets.Build.Tasks;

/// <summary>
/// The files the <c>ProvisionSecrets</c> target's incremental check reads back on the next build:
/// the stamp (the store, metadata and outputs of this run, one full path a line), the names of the
/// external secrets' variables, and today's rotation stamp. Written by the task rather than by
/// <c>WriteLinesToFile</c>, <c>Touch</c> and <c>Delete</c> in the target: five more MSBuild tasks
/// each cost the build their own reflection, logging and file work, every time the target runs.
/// The lines are the ones <c>WriteLinesToFile</c> wrote (UTF-8 without a byte order mark, one
/// line each), so <c>ReadLinesFromFile</c> in the target reads them as before.
/// </summary>
internal static class ProvisionStamps
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Rewrites <paramref name="path"/> with <paramref name="lines"/> and so gives it the current
    /// time, which is what makes the target up to date until an input changes.
    /// </summary>
    public static void WriteStamp(string path, IReadOnlyList<string> lines)
    {
        File.WriteAllText(path, Join(lines), Utf8NoBom);
        // As the target's Touch did: the time is the stamp's whole point, so it is set, not implied.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }

    /// <summary>
    /// Writes <paramref name="lines"/> only when they differ from the file's content, so the
    /// file's time moves only when the set of names does; no names removes the file.
    /// </summary>
    public static void WriteIfChanged(string path, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            File.Delete(path);
            return;
        }

        var content = Join(lines);
        if (File.Exists(path) && File.ReadAllText(path, Utf8NoBom) == content)
        {
            return;
        }

        File.WriteAllText(path, content, Utf8NoBom);
    }

    /// <summary>
    /// Marks today's rotation check as done (provisioning just checked rotation dates) and
    /// removes the stamps of earlier days, so the stamp folder does not grow by a file a day.
    /// </summary>
    public static void MarkRotationChecked(string todayStamp, IEnumerable<string> earlierStamps)
    {
        foreach (var earlier in earlierStamps)
        {
            File.Delete(earlier);
        }

        if (File.Exists(todayStamp))
        {
            File.SetLastWriteTimeUtc(todayStamp, DateTime.UtcNow);
        }
        else
        {
            File.WriteAllBytes(todayStamp, []);
        }
    }

    private static string Join(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append(Environment.NewLine);
        }

        return text.ToString();
    }
}
