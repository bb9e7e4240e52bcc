using Microsoft.CodeAnalysis;

namespace Secrets.Build.Benchmarks.Generator;

/// <summary>
/// Checks made once before the generator is timed, so a fast number can never come from a run
/// that emitted nothing or from a "cached" run that in fact recomputed.
/// </summary>
internal static class GeneratorRunChecks
{
    public static void RequireSource(GeneratorDriver driver, int secretCount)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is { } exception)
        {
            throw new InvalidOperationException("The generator threw.", exception);
        }

        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || result.GeneratedSources.IsEmpty)
        {
            throw new InvalidOperationException(
                $"The generator produced no usable AppSecrets for {secretCount} secrets: {string.Join("; ", errors)}");
        }
    }

    public static void RequireFullyCached(GeneratorDriver secondRun)
    {
        var recomputed = secondRun.GetRunResult().Results.Single().TrackedSteps
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs).Select(output => (step.Key, output.Reason)))
            .Where(pair => pair.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
            .Select(pair => $"{pair.Key}: {pair.Reason}")
            .ToList();
        if (recomputed.Count > 0)
        {
            throw new InvalidOperationException("The second run was not fully cached: " + string.Join(", ", recomputed));
        }
    }
}
