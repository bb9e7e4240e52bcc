using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary>What every lifecycle target must do whatever it changes: fail with codes, and never print a value.</summary>
internal static class LifecycleAssert
{
    public static void Succeeded(CommandResult result) => Assert.True(result.Succeeded, result.ToString());

    /// <summary>The target failed with this SECB error (and the build's exit code says so).</summary>
    public static void FailedWith(CommandResult result, string code)
    {
        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("error " + code + ":", result.Output, StringComparison.Ordinal);
    }

    /// <summary>No value, old or new, appears in what the target printed.</summary>
    public static void NoValueIn(CommandResult result, params IReadOnlyDictionary<string, string>[] valueSets)
    {
        foreach (var values in valueSets)
        {
            SecretAssert.NotInText(result.Output, values, $"the output of '{result.CommandLine}'");
        }
    }

    /// <summary>The audit trail's lines, as text (names, versions, fingerprints; no values).</summary>
    public static string AuditTrail(TestWorkspace workspace, string environment = "development") =>
        File.ReadAllText(Path.Combine(workspace.Directory, "secrets", $".env.{environment}.audit.jsonl"));
}
