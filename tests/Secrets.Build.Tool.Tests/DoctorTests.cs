using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class DoctorTests(ToolFixture tool)
{
    [Fact]
    public void Doctor_says_where_the_key_came_from()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();

        var doctor = workspace.Run("doctor");

        ToolAssert.ExitCode(0, doctor);
        Assert.Contains("key file " + workspace.KeyDirectory, doctor.Stdout);
        Assert.Contains("schema", doctor.Stdout);
        Assert.Contains("docker compose", doctor.Stdout);
        Assert.Contains("kubectl", doctor.Stdout);
        ToolAssert.NoValue(doctor, values);
    }

    [Fact]
    public void Doctor_without_the_key_is_an_error_with_the_fix()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        foreach (var key in Directory.EnumerateFiles(workspace.KeyDirectory, "*.key"))
        {
            File.Delete(key);
        }

        var doctor = workspace.Run("doctor");

        ToolAssert.ExitCode(1, doctor);
        ToolAssert.Error("SECB806", doctor);
        Assert.Contains("Fix:", doctor.Stderr);
    }

    [Fact]
    public void Doctor_without_a_schema_says_to_run_init()
    {
        var doctor = new ToolWorkspace(tool, schema: null).Run("doctor");

        ToolAssert.ExitCode(1, doctor);
        Assert.Contains("secrets-build init", doctor.Stderr);
    }
}
