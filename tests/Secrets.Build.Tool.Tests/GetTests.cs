using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class GetTests(ToolFixture tool)
{
    [Fact]
    public void Get_prints_the_value_to_a_pipe_and_records_who_accessed_it()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();

        var result = workspace.Run("get", "db_password");

        ToolAssert.ExitCode(0, result);
        Assert.True(result.Stdout == values["DB_PASSWORD"] + "\n", "get printed something other than DB_PASSWORD's value and a newline");
        var log = workspace.Run("audit", "log", "--event", "accessed", "--secret", "DB_PASSWORD");
        ToolAssert.ExitCode(0, log);
        Assert.Contains("cli:get", log.Stdout);
        ToolAssert.NoValue(log, values);
    }

    [Fact]
    public void Get_of_an_undeclared_name_is_SECB800()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var result = workspace.Run("get", "NOPE");

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB800", result);
        Assert.Empty(result.Stdout);
    }
}
