using System.Globalization;
using System.Security.Cryptography;

namespace Secrets.Build.Core.Tests.Hardening.Fuzz;

/// <summary>
/// How long and from which seed the fuzz loops run. Inside a normal <c>dotnet test</c> each parser
/// gets a couple of seconds; <c>SECRETS_FUZZ_SECONDS=600 dotnet test --filter Category=Fuzz</c>
/// runs each for ten minutes, and <c>SECRETS_FUZZ_SEED</c> replays a reported failure.
/// </summary>
internal static class FuzzSettings
{
    public const string SecondsVariable = "SECRETS_FUZZ_SECONDS";
    public const string SeedVariable = "SECRETS_FUZZ_SEED";

    /// <summary>Time per parser.</summary>
    public static TimeSpan Budget { get; } = TimeSpan.FromSeconds(Number(SecondsVariable) ?? 2);

    /// <summary>A case that runs longer than this is a hang. Generous, because the machine is shared.</summary>
    public static TimeSpan CaseTimeout { get; } = TimeSpan.FromSeconds(20);

    /// <summary>The run's seed: the variable's, or a fresh one that failures print.</summary>
    public static int Seed { get; } = (int?)Number(SeedVariable) ?? RandomNumberGenerator.GetInt32(int.MaxValue);

    /// <summary>Where a failing input is saved so it can be replayed by hand.</summary>
    public static string FailureDirectory => Path.Combine(Path.GetTempPath(), "secrets-build-fuzz-failures");

    private static double? Number(string variable) =>
        double.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
