using System.Text.RegularExpressions;

namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>Assertions on a tool run's output that never print a value when they fail.</summary>
public static partial class ToolAssert
{
    public static void ExitCode(int expected, ToolResult result) => Assert.True(result.ExitCode == expected, $"expected exit {expected}\n{result}");

    /// <summary>No value appears on stdout or stderr; a failure names the secret, never the value.</summary>
    public static void NoValue(ToolResult result, IReadOnlyDictionary<string, string> values)
    {
        foreach (var (name, value) in values.Where(v => v.Value.Length >= 8))
        {
            Assert.False(result.Stdout.Contains(value, StringComparison.Ordinal), $"{name}'s value appears on stdout of {result.CommandLine}");
            Assert.False(result.Stderr.Contains(value, StringComparison.Ordinal), $"{name}'s value appears on stderr of {result.CommandLine}");
        }
    }

    /// <summary>stderr carries this SECB code as an error.</summary>
    public static void Error(string code, ToolResult result) =>
        Assert.True(result.Stderr.Contains($"error {code}:", StringComparison.Ordinal), $"expected error {code}\n{result}");

    /// <summary>
    /// stderr carries this SECB code as a warning on exactly one line, at <paramref name="location"/>
    /// (the file the line starts with), and stdout not at all.
    /// </summary>
    public static void WarnedOnce(string code, string location, ToolResult result)
    {
        var lines = result.Stderr.Split('\n').Where(line => line.Contains($"warning {code}:", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 1, $"expected warning {code} once, got it {lines.Count} times\n{result}");
        Assert.True(lines[0].StartsWith(location + "(", StringComparison.Ordinal), $"expected warning {code} at {location}\n{result}");
        Assert.False(result.Stdout.Contains(code, StringComparison.Ordinal), $"warning {code} on stdout\n{result}");
    }

    /// <summary>
    /// Compares output with Snapshots/&lt;name&gt;.txt after replacing what changes between runs (dates,
    /// temp paths, key ids) and trailing spaces. On a mismatch it writes &lt;name&gt;.received.txt beside it.
    /// </summary>
    /// <param name="name">The snapshot's file name without .txt.</param>
    /// <param name="actual">The output.</param>
    /// <param name="workspace">Whose paths to replace.</param>
    /// <param name="collapseSpaces">Whether to turn runs of spaces into one: for tables whose column widths depend on the machine (user@host).</param>
    public static void MatchesSnapshot(string name, string actual, ToolWorkspace workspace, bool collapseSpaces = false)
    {
        var normalized = Normalize(actual, workspace);
        if (collapseSpaces)
        {
            normalized = Spaces().Replace(normalized, " ");
        }

        var directory = Path.Combine(IntegrationTests.Infrastructure.RepositoryPaths.Root, "tests", "Secrets.Build.Tool.Tests", "Snapshots");
        var expectedPath = Path.Combine(directory, name + ".txt");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        if (expected != normalized)
        {
            File.WriteAllText(Path.Combine(directory, name + ".received.txt"), normalized);
        }

        Assert.True(expected == normalized, $"{name} differs from its snapshot (see {name}.received.txt):\n{normalized}");
    }

    private static string Normalize(string text, ToolWorkspace workspace)
    {
        text = text.Replace(workspace.Directory, "<workspace>", StringComparison.Ordinal).Replace(workspace.Root, "<root>", StringComparison.Ordinal);
        text = Date().Replace(text, "YYYY-MM-DD");
        text = KeyId().Replace(text, "<key-id>");
        text = Time().Replace(text, "HH:MM:SS");
        text = text.Replace($"{Environment.UserName}@{Environment.MachineName}", "<user@host>", StringComparison.Ordinal);
        return string.Join('\n', text.Split('\n').Select(line => line.TrimEnd()));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex Date();

    [GeneratedRegex(@"\b[0-9a-f]{16}\b")]
    private static partial Regex KeyId();

    [GeneratedRegex(@"\d{2}:\d{2}:\d{2}")]
    private static partial Regex Time();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
