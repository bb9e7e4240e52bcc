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
        Skip = TestInputsRequired ? null : MotoServer.Missing();
    }

    private static bool TestInputsRequired =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SECB_REQUIRE_TEST_INPUTS"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
