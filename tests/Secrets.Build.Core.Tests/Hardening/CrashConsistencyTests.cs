using System.Globalization;
using System.Security.Cryptography;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Tests.Hardening.Processes;
using Secrets.Build.Core.Workspace;
using Xunit.Abstractions;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// Kills provisioning and rotating processes (SIGKILL) at random moments and shows that the
/// workspace always opens afterwards with exactly the old or exactly the new values and a
/// verifying audit trail. Each provisioning run brings new external values and each rotation
/// (one category, or all generated secrets) new generated ones, so every run has something to
/// save. 20 runs here; <c>tests/hardening/crash-consistency.sh</c> runs 100 or more (<c>SECRETS_CRASH_RUNS</c>).
/// </summary>
[Trait("Category", "Crash")]
public sealed class CrashConsistencyTests(ITestOutputHelper output) : IDisposable
{
    private const string RunsVariable = "SECRETS_CRASH_RUNS";
    private static readonly string[] Externals = ["OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_API_KEY"];

    private readonly HardeningWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_killed_provisioning_or_rotation_leaves_the_old_or_the_new_values_never_a_mix()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20;
        var seed = RandomNumberGenerator.GetInt32(int.MaxValue);
        var random = new Random(seed);
        output.WriteLine($"{runs} runs, seed {seed}");
        var generatedNames = SchemaFile.Load(_workspace.SchemaPath).Schema!.Secrets.Where(s => !s.IsExternal).ToList();
        (string Selector, HashSet<string> Names)[] rotations =
        [
            ("database_passwords", [.. generatedNames.Where(s => s.Category == "database_passwords").Select(s => s.Name)]),
            ("all", [.. generatedNames.Select(s => s.Name)]),
        ];
        Assert.Equal(18, rotations[1].Names.Count);
        Assert.InRange(rotations[0].Names.Count, 2, 17);

        // Never killed: the first run creates the store and key; the next two measure how long a
        // provisioning and a rotation work after "start" once the store exists (the rotation also
        // gives every generated secret a previous value, as in every later run).
        RunProvision(ExternalValues(-1), killAfter: null, out _);
        var current = ExternalValues(0);
        var provisionWork = RunProvision(current, killAfter: null, out _);
        var rotationWork = RunRotation("all", killAfter: null, out _);
        var before = WorkspaceState.Read(_workspace);
        output.WriteLine($"uninterrupted runs take {provisionWork.TotalMilliseconds:0} ms (provision) and {rotationWork.TotalMilliseconds:0} ms (rotate all) after start");

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var run = 1; run <= runs; run++)
        {
            bool killed;
            string outcome;
            WorkspaceState state;
            string because;
            if (random.Next(2) == 0)
            {
                var next = ExternalValues(run);
                var delay = TimeSpan.FromMilliseconds(random.NextDouble() * provisionWork.TotalMilliseconds);
                RunProvision(next, delay, out killed);
                state = WorkspaceState.Read(_workspace);
                because = $"run {run}, provisioning (seed {seed}, killed after {delay.TotalMilliseconds:0} ms)";
                outcome = "provision " + CheckProvisioning(before, state, current, next, because);
                current = outcome.EndsWith("new", StringComparison.Ordinal) ? next : current;
            }
            else
            {
                var (selector, names) = rotations[random.Next(rotations.Length)];
                var delay = TimeSpan.FromMilliseconds(random.NextDouble() * rotationWork.TotalMilliseconds);
                RunRotation(selector, delay, out killed);
                state = WorkspaceState.Read(_workspace);
                because = $"run {run}, rotation of {selector} (seed {seed}, killed after {delay.TotalMilliseconds:0} ms)";
                outcome = "rotate " + CheckRotation(before, state, names, because);
            }

            Assert.True(state.Audit.IsValid, $"{because}: {state.Audit.Error}");
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            counts["killed"] = counts.GetValueOrDefault("killed") + (killed ? 1 : 0);
            before = state;
        }

        output.WriteLine($"{counts.GetValueOrDefault("killed")} runs killed mid-way; afterwards: "
            + string.Join(", ", counts.Where(c => c.Key != "killed").OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")));

        // A normal run afterwards brings the plaintext outputs in line with the store, previous values included.
        RunProvision(current, killAfter: null, out _);
        var final = WorkspaceState.Read(_workspace);
        // Compared without Assert.Equal, whose failure message would print the values.
        var env = _workspace.EnvValues();
        var mismatched = final.Values.Where(v => env.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key).ToList();
        Assert.True(mismatched.Count == 0, $".env.development disagrees with the store on {string.Join(", ", mismatched)}");
        var previous = rotations[1].Names.Where(name => env.GetValueOrDefault(name + PreviousValues.Suffix) != final.Previous.GetValueOrDefault(name)).ToList();
        Assert.True(previous.Count == 0, $".env.development's {PreviousValues.Suffix} entries disagree with the store's previous versions of {string.Join(", ", previous)}");
        Assert.True(final.Audit.IsValid, final.Audit.Error?.ToString());
    }

    /// <summary>Generated values unchanged; the external ones all old or all new. Returns "old" or "new".</summary>
    private static string CheckProvisioning(WorkspaceState before, WorkspaceState after, Dictionary<string, string> current, Dictionary<string, string> next, string because)
    {
        var changed = before.Values.Keys.Where(k => !Externals.Contains(k) && after.Values[k] != before.Values[k]).ToList();
        Assert.True(changed.Count == 0, $"{because}: generated {string.Join(", ", changed)} changed");
        if (Externals.All(e => after.Values[e] == next[e]))
        {
            return "new";
        }

        Assert.True(Externals.All(e => after.Values[e] == current[e]), $"{because}: the store holds neither the old nor the new set of external values");
        return "old";
    }

    /// <summary>
    /// Either every rotated secret is at its old version and value, or every one is one version
    /// further with a new value, its previous value being exactly the old one; no other secret
    /// changed. Returns "old" or "new".
    /// </summary>
    private static string CheckRotation(WorkspaceState before, WorkspaceState after, HashSet<string> rotated, string because)
    {
        var others = before.Values.Keys.Where(k => !rotated.Contains(k) && (after.Values[k] != before.Values[k] || after.Versions[k] != before.Versions[k])).ToList();
        Assert.True(others.Count == 0, $"{because}: {string.Join(", ", others)} changed without being rotated");

        var moved = rotated.Where(k => after.Versions[k] == before.Versions[k] + 1).ToList();
        if (moved.Count == 0)
        {
            var changed = rotated.Where(k => after.Values[k] != before.Values[k] || after.Versions[k] != before.Versions[k]).ToList();
            Assert.True(changed.Count == 0, $"{because}: {string.Join(", ", changed)} changed although no version moved");
            return "old";
        }

        Assert.True(moved.Count == rotated.Count, $"{because}: a mix: {moved.Count} of {rotated.Count} rotated secrets moved to their next version");
        var wrong = rotated.Where(k => after.Values[k] == before.Values[k]
            || after.Previous.GetValueOrDefault(k) != before.Values[k]
            || !after.History[k].Contains(before.Versions[k])).ToList();
        Assert.True(wrong.Count == 0, $"{because}: {string.Join(", ", wrong)}: the new value equals the old one, or the previous version is not the old value");
        return "new";
    }

    private static Dictionary<string, string> ExternalValues(int run) =>
        Externals.ToDictionary(e => e, e => $"{e.ToLowerInvariant()}-run{run}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}");

    private TimeSpan RunProvision(Dictionary<string, string> externals, TimeSpan? killAfter, out bool killed) =>
        RunWorker(WorkerProcess.StartProvision(_workspace.SchemaPath, "development", _workspace.KeyDirectory, externals), killAfter, out killed);

    private TimeSpan RunRotation(string selector, TimeSpan? killAfter, out bool killed) =>
        RunWorker(WorkerProcess.StartRotate(_workspace.SchemaPath, "development", _workspace.KeyDirectory, selector, new Dictionary<string, string>()), killAfter, out killed);

    /// <summary>Runs one worker, killing it <paramref name="killAfter"/> after it printed "start"; returns how long it worked.</summary>
    private static TimeSpan RunWorker(WorkerProcess started, TimeSpan? killAfter, out bool killed)
    {
        using var worker = started;
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
