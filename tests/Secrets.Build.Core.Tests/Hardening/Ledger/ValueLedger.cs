using System.Runtime.CompilerServices;
using System.Text;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening.Ledger;

/// <summary>
/// When <c>SECB_TEST_LEDGER_DIR</c> is set (by <c>.ci/run</c>), appends every value a store in this
/// process stores or reveals to <c>ledger/core-&lt;pid&gt;.tsv</c> in that folder, one
/// <c>name TAB base64(value)</c> line each, so the leak scan that runs after the whole suite knows
/// what must not appear in any test or build log. Worker processes (crash, concurrency) load this
/// assembly too and keep ledgers of their own. Unset, nothing is observed.
/// </summary>
internal static class ValueLedger
{
    /// <summary>The variable that names the ledger folder; shared with the integration tests and the scanner.</summary>
    public const string Variable = "SECB_TEST_LEDGER_DIR";

    private static readonly HashSet<string> Seen = new(StringComparer.Ordinal);
    private static StreamWriter? writer;

    [ModuleInitializer]
    internal static void Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } folder)
        {
            return;
        }

        var directory = Directory.CreateDirectory(Path.Combine(folder, "ledger"));
        // AutoFlush: a worker killed with SIGKILL must still leave every value it saw.
        writer = new StreamWriter(Path.Combine(directory.FullName, $"core-{Environment.ProcessId}.tsv"), append: true, new UTF8Encoding(false))
        {
            AutoFlush = true,
        };
        ObservedValues.Observer = Record;
    }

    private static void Record(string name, string value)
    {
        lock (Seen)
        {
            if (Seen.Add(value))
            {
                writer!.Write($"{name}\t{Convert.ToBase64String(Encoding.UTF8.GetBytes(value))}\n");
            }
        }
    }
}
