namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// A test against moto's KMS server. Where moto is not installed it is skipped with the command
/// that installs it, except where test inputs are required (.ci/run sets SECB_REQUIRE_TEST_INPUTS,
/// hosted build servers set CI): there it runs and fails, because a KMS suite that silently skips
/// proves nothing.
/// </summary>
public sealed class MotoFactAttribute : FactAttribute
{
    public MotoFactAttribute()
    {
        Skip = SkipReason();
    }

    /// <summary>Null where the test must run, else why it is skipped.</summary>
    internal static string? SkipReason() => TestInputsRequired ? null : MotoServer.Missing();

    private static bool TestInputsRequired =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SECB_REQUIRE_TEST_INPUTS"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}

/// <summary>A theory against moto's KMS server; skipped like <see cref="MotoFactAttribute"/>.</summary>
public sealed class MotoTheoryAttribute : TheoryAttribute
{
    public MotoTheoryAttribute()
    {
        Skip = MotoFactAttribute.SkipReason();
    }
}
