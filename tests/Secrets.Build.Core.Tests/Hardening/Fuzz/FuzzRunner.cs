using System.Diagnostics;
using System.Security.Cryptography;
using Secrets.Build.Core.Diagnostics;
using Xunit.Abstractions;

namespace Secrets.Build.Core.Tests.Hardening.Fuzz;

/// <summary>
/// The bounded mutation loop. Each case mutates one seed file, lets the target write it where
/// the parser reads it, runs the parser with a timeout and checks the outcome: success or a
/// <see cref="SecretsException"/>, never another exception, never a hang, and never a change to
/// the watched folder. A failure names the seed and case, which replay it exactly
/// (<c>SECRETS_FUZZ_SEED</c>), and saves the input under <see cref="FuzzSettings.FailureDirectory"/>.
/// </summary>
internal sealed class FuzzRunner(ITestOutputHelper output)
{
    /// <summary>Runs cases until the budget is spent.</summary>
    /// <param name="name">The parser's name, for messages and saved inputs.</param>
    /// <param name="seeds">Valid inputs to mutate.</param>
    /// <param name="arrange">
    /// Puts a mutated input in place (a file, a field) and returns the parse to run, which returns
    /// its outcome: "ok", or the first error code of a parser that reports diagnostics.
    /// </param>
    /// <param name="watchedDirectory">A folder the parse must leave exactly as it was, or null.</param>
    public void Run(string name, IReadOnlyList<byte[]> seeds, Func<byte[], Func<string>> arrange, string? watchedDirectory = null)
    {
        var seed = FuzzSettings.Seed;
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var cases = 0;
        while (clock.Elapsed < FuzzSettings.Budget || cases < seeds.Count)
        {
            var random = new Random(HashCode.Combine(seed, cases));
            // The seeds themselves first, unmutated: they must parse.
            var input = cases < seeds.Count ? seeds[cases] : Mutator.Mutate(seeds[random.Next(seeds.Count)], random);
            var outcome = RunCase(name, seed, cases, input, arrange, watchedDirectory);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            cases++;
        }

        output.WriteLine($"{name}: {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s, seed {seed} ({FuzzSettings.SeedVariable}={seed} replays them)");
        foreach (var (outcome, count) in outcomes)
        {
            output.WriteLine($"  {outcome}: {count}");
        }

        Assert.True(outcomes.ContainsKey("ok"), $"{name}: not even the unmutated seeds parsed; the fuzz loop tests nothing.");
    }

    private static string RunCase(string name, int seed, int index, byte[] input, Func<byte[], Func<string>> arrange, string? watchedDirectory)
    {
        var act = arrange(input);
        var before = watchedDirectory is null ? null : Snapshot(watchedDirectory);
        var run = Task.Run(act);
        if (Task.WaitAny([run], FuzzSettings.CaseTimeout) < 0)
        {
            Fail(name, seed, index, input, $"did not finish within {FuzzSettings.CaseTimeout.TotalSeconds} s (a hang)");
        }

        var outcome = run.IsCompletedSuccessfully ? run.Result : "ok";
        if (run.Exception?.InnerException is { } exception)
        {
            if (exception is not SecretsException secrets)
            {
                Fail(name, seed, index, input, $"threw {exception.GetType().FullName} instead of a SECB error:\n{exception}");
                return "unreachable";
            }

            Assert.False(secrets.Diagnostics.IsDefaultOrEmpty);
            Assert.All(secrets.Diagnostics, d => Assert.StartsWith("SECB", d.Code, StringComparison.Ordinal));
            outcome = secrets.Code;
        }

        if (watchedDirectory is not null)
        {
            var after = Snapshot(watchedDirectory);
            if (!before!.SequenceEqual(after))
            {
                Fail(name, seed, index, input, $"changed the folder it only reads:\nbefore: {string.Join(", ", before!)}\nafter:  {string.Join(", ", after)}");
            }
        }

        return outcome;
    }

    /// <summary>Every file's name, size and content hash. Lock files are left out: taking a lock may create its empty file.</summary>
    private static List<string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)}:{Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))[..16]}")
            .ToList();

    private static void Fail(string name, int seed, int index, byte[] input, string problem)
    {
        Directory.CreateDirectory(FuzzSettings.FailureDirectory);
        var saved = Path.Combine(FuzzSettings.FailureDirectory, $"{name}-seed{seed}-case{index}.bin");
        File.WriteAllBytes(saved, input);
        Assert.Fail($"{name}, seed {seed}, case {index}: the parser {problem}\nInput saved to {saved}; replay with {FuzzSettings.SeedVariable}={seed}.");
    }
}
