using System.Globalization;
using System.Security.Cryptography;
using Secrets.Build.Core.Tests.Hardening.Processes;
using Xunit.Abstractions;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// Kills provisioning processes (SIGKILL) at random moments and shows that the workspace always
/// opens afterwards with exactly the old or exactly the new values and a verifying audit trail.
/// Each run brings new external values, so every run has something to save. 20 runs here;
/// <c>tests/hardening/crash-consistency.sh</c> runs 100 or more (<c>SECRETS_CRASH_RUNS</c>).
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private const string RunsVariable = "SECRETS_CRASH_RUNS";
    private static readonly string[] Externals = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_API_KEY"];

    private readonly HardeningWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_killed_provisioning_leaves_the_old_or_the_new_values_never_a_mix()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20;
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var random = new Random(seed);
        output.WriteLine($"{runs} runs, seed {seed}");

        // Runs 0 and 1 are never killed: the first creates the store and key, the second measures
        // how long a run's work after "start" takes when the store exists, as in every later run.
        RunWorker(ExternalValues(-1), killAfter: null, out _);
        var current = ExternalValues(0);
        var work = RunWorker(current, killAfter: null, out _);
        var first = WorkspaceState.Read(_workspace);
        var generated = first.Values.Where(v => !Externals.Contains(v.Key)).ToDictionary();
        Assert.Equal(18, generated.Count);
        output.WriteLine($"an uninterrupted run takes {work.TotalMilliseconds:0} ms after start");

        var (killed, old, updated) = (0, 0, 0);
        for (var run = 1; run <= runs; run++)
        {
            var next = ExternalValues(run);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * work.TotalMilliseconds);
            RunWorker(next, delay, out var wasKilled);
            killed += wasKilled ? 1 : 0;

            var state = WorkspaceState.Read(_workspace);
            var because = $"run {run} (seed {seed}, killed after {delay.TotalMilliseconds:0} ms)";
            Assert.True(state.Audit.IsValid, $"{because}: {state.Audit.Error}");
            Assert.All(generated, g => Assert.True(state.Values[g.Key] == g.Value, $"{because}: generated {g.Key} changed"));
            var externals = Externals.ToDictionary(e => e, e => state.Values[e]);
            if (externals.All(e => e.Value == next[e.Key]))
            {
                updated++;
                current = next;
            }
            else
            {
                Assert.True(externals.All(e => e.Value == current[e.Key]), $"{because}: the store holds neither the old nor the new set of values");
                old++;
            }
        }

        output.WriteLine($"{killed} runs killed; afterwards {old} held the old values and {updated} the new ones");

        // A normal run afterwards brings the plaintext outputs in line with the store.
        RunWorker(current, killAfter: null, out _);
        var final = WorkspaceState.Read(_workspace);
        // Compared without Assert.Equal, whose failure message would print the values.
        var env = _workspace.EnvValues();
        var mismatched = final.Values.Where(v => env.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key).ToList();
        Assert.True(mismatched.Count == 0, $".env.development disagrees with the store on {string.Join(", ", mismatched)}");
        Assert.True(final.Audit.IsValid, final.Audit.Error?.ToString());
    }

    private static Dictionary<string, string> ExternalValues(int run) =>
        Externals.ToDictionary(e => e, e => $"{e.ToLowerInvariant()}-run{run}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}");

    /// <summary>Runs one worker, killing it <paramref name="killAfter"/> after it printed "start"; returns how long it worked.</summary>
    private TimeSpan RunWorker(Dictionary<string, string> externals, TimeSpan? killAfter, out bool killed)
    {
        using var worker = WorkerProcess.StartProvision(_workspace.SchemaPath, "development", _workspace.KeyDirectory, externals);
        Assert.True(worker.WaitForLine("start", TimeSpan.FromMinutes(1)), "the worker never started: " + worker.Errors);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        killed = false;
        if (killAfter is { } delay)
        {
            Thread.Sleep(delay);
            killed = !worker.HasExited;
            worker.Kill();
            worker.WaitForExit();
            return clock.Elapsed;
        }

        worker.WaitForExit();
        Assert.True(worker.ExitCode == 0, $"worker exited with {worker.ExitCode}: {worker.Errors}");
        return clock.Elapsed;
    }
}
