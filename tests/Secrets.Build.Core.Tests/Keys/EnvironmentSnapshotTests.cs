using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Tests.Keys;

public sealed class EnvironmentSnapshotTests
{
    [Fact]
    public void Copies_the_process_variables_at_the_time_of_the_call()
    {
        var name = "SECRETS_BUILD_SNAPSHOT_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "before");
        try
        {
            var snapshot = EnvironmentSnapshot.FromProcess();
            Environment.SetEnvironmentVariable(name, "after");

            Assert.Equal("before", snapshot[name]);
            Assert.Equal("after", EnvironmentSnapshot.FromProcess()[name]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
