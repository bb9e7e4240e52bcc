using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class SolutionFolderTests(ToolFixture tool)
{
    [Fact]
    public void From_a_solution_folder_the_tool_rotates_the_workspace_once()
    {
        var workspace = new ToolWorkspace(tool);
        var before = workspace.Provision();
        // A solution folder above the workspace, with two projects that share it.
        File.WriteAllText(Path.Combine(workspace.Root, "App.sln"), string.Empty);
        foreach (var project in new[] { "Api", "Worker" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(workspace.Directory, project)).FullName;
            File.WriteAllText(Path.Combine(folder, project + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        }

        var rotate = workspace.RunIn(workspace.Root, "rotate", "API_TOKEN");
        var log = workspace.RunIn(workspace.Root, "audit", "log", "--event", "rotated");

        ToolAssert.ExitCode(0, rotate);
        Assert.True(workspace.EnvValues()["API_TOKEN"] != before["API_TOKEN"], rotate.ToString());
        Assert.Contains("1 event(s)", log.Stdout);
    }

    [Fact]
    public void Two_workspaces_below_a_folder_ask_which_one()
    {
        var workspace = new ToolWorkspace(tool);
        var other = Directory.CreateDirectory(Path.Combine(workspace.Root, "other")).FullName;
        File.WriteAllText(Path.Combine(other, "secrets.schema.json"), ToolWorkspace.SmallSchema);

        var status = workspace.RunIn(workspace.Root, "status");

        ToolAssert.ExitCode(1, status);
        ToolAssert.Error("SECB802", status);
    }
}
