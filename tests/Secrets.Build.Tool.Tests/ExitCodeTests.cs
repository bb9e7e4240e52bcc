using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class ExitCodeTests(ToolFixture tool)
{
    [Fact]
    public void An_unknown_command_is_a_usage_error()
    {
        var result = new ToolWorkspace(tool).Run("frobnicate");

        ToolAssert.ExitCode(2, result);
        Assert.Contains("frobnicate", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_missing_argument_is_a_usage_error()
    {
        ToolAssert.ExitCode(2, new ToolWorkspace(tool).Run("get"));
    }

    [Fact]
    public void Help_succeeds_and_lists_the_commands()
    {
        var result = new ToolWorkspace(tool).Run("--help");

        ToolAssert.ExitCode(0, result);
        foreach (var command in new[] { "status", "run", "get", "rotate", "rotate-key", "import", "regenerate", "report", "audit", "recipients", "init", "doctor" })
        {
            Assert.Contains(command, result.Stdout);
        }
    }

    [Fact]
    public void No_schema_is_the_builds_SECB115_and_exit_code_1()
    {
        var workspace = new ToolWorkspace(tool, schema: null);

        var result = workspace.Run("status");

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB115", result);
        Assert.Contains("Fix:", result.Stderr);
    }

    [Fact]
    public void An_undeclared_environment_is_an_error_naming_the_schema()
    {
        var workspace = new ToolWorkspace(tool);

        var result = workspace.Run("status", "--env", "qa");

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB280", result);
        Assert.Contains(Path.Combine(workspace.Directory, "secrets.schema.json"), result.Stderr);
    }

    [Fact]
    public void The_environment_variable_chooses_the_environment_as_for_the_build()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Variables["SECRETS_ENVIRONMENT"] = "staging";

        var result = workspace.Run("provision");

        ToolAssert.ExitCode(0, result);
        Assert.True(File.Exists(Path.Combine(workspace.Directory, "secrets", ".env.staging.json")), result.ToString());
    }

    [Fact]
    public void A_wrong_key_is_an_error_with_its_code_and_no_value()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        foreach (var key in Directory.EnumerateFiles(workspace.KeyDirectory, "*.key"))
        {
            File.Delete(key);
        }

        var result = workspace.Run("run", "--", "true");

        ToolAssert.ExitCode(1, result);
        Assert.Matches(@"error SECB2\d\d:", result.Stderr);
        ToolAssert.NoValue(result, values);
    }
}
