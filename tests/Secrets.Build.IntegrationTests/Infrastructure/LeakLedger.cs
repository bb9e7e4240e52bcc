using System.Text;
using System.Text.RegularExpressions;

namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>
/// The integration half of the whole-log leak scan. When <c>SECB_TEST_LEDGER_DIR</c> is set (by
/// <c>.ci/run</c>), every build a test runs also writes a diagnostic-verbosity text log into
/// <c>build-logs/</c> of that folder, and after each command the values of the workspace's
/// <c>.env.&lt;env&gt;</c> files (the values the real build generated or decrypted) are appended to
/// <c>ledger/integration-&lt;pid&gt;.tsv</c>. The scanner then looks for those values in every log.
/// Unset, builds run exactly as before.
/// </summary>
internal static partial class LeakLedger
{
    private const string Variable = "SECB_TEST_LEDGER_DIR";

    // Commands that run MSBuild and so can write a build log.
    private static readonly HashSet<string> BuildVerbs = new(StringComparer.Ordinal) { "build", "msbuild", "pack", "restore", "publish" };

    private static readonly string? Folder = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;
    private static readonly HashSet<string> Seen = new(StringComparer.Ordinal);
    private static int logCount;

    /// <summary><paramref name="arguments"/>, plus a diagnostic file logger when the ledger is on and the command builds.</summary>
    public static string[] WithBuildLog(string[] arguments)
    {
        if (Folder is null || arguments.Length == 0 || !BuildVerbs.Contains(arguments[0]))
        {
            return arguments;
        }

        var directory = Directory.CreateDirectory(Path.Combine(Folder, "build-logs")).FullName;
        var log = Path.Combine(directory, $"{Environment.ProcessId}-{Interlocked.Increment(ref logCount):D4}-{arguments[0]}.log");
        return [.. arguments, $"-flp:verbosity=diagnostic;logfile={log}"];
    }

    /// <summary>Appends the values of every <c>.env.&lt;env&gt;</c> in <paramref name="workspace"/> to the ledger.</summary>
    public static void RecordOutputs(string workspace)
    {
        if (Folder is null || !Directory.Exists(workspace))
        {
            return;
        }

        var lines = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(workspace).Where(f => EnvFileName().IsMatch(Path.GetFileName(f))))
        {
            foreach (var (name, value) in EnvFile.Parse(File.ReadAllText(file)))
            {
                lock (Seen)
                {
                    if (Seen.Add(value))
                    {
                        lines.Append(name).Append('\t').Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(value))).Append('\n');
                    }
                }
            }
        }

        if (lines.Length > 0)
        {
            var ledger = Directory.CreateDirectory(Path.Combine(Folder, "ledger")).FullName;
            lock (Seen)
            {
                File.AppendAllText(Path.Combine(ledger, $"integration-{Environment.ProcessId}.tsv"), lines.ToString());
            }
        }
    }

    [GeneratedRegex(@"^\.env\.[a-z0-9_-]+$")]
    private static partial Regex EnvFileName();
}
