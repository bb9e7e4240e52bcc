namespace Secrets.Build.Core.Tests.Generation;

/// <summary>Pearson's chi-square goodness-of-fit test against a uniform distribution.</summary>
public static class ChiSquare
{
    // The standard normal quantile for an upper tail of 1e-6.
    private const double ZForOneInAMillion = 4.753424;

    /// <summary>The statistic for observed counts that should all be equal.</summary>
    public static double Statistic(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        var expected = (double)total / counts.Count;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }

    /// <summary>
    /// The value a uniform sample exceeds with probability about 1e-6, from the Wilson-Hilferty
    /// approximation. For the degrees of freedom used here it lies 0.3% (df 72) to 10% (df 2) above
    /// the exact quantile, so a fair generator fails at most once in a million runs.
    /// </summary>
    public static double CriticalValueAtOneInAMillion(int degreesOfFreedom)
    {
        double k = degreesOfFreedom;
        var a = 2.0 / (9.0 * k);
        return k * Math.Pow(1 - a + (ZForOneInAMillion * Math.Sqrt(a)), 3);
    }

    /// <summary>True when <paramref name="counts"/> are consistent with a uniform distribution at p = 1e-6.</summary>
    public static bool LooksUniform(IReadOnlyList<long> counts) =>
        Statistic(counts) < CriticalValueAtOneInAMillion(counts.Count - 1);
}
