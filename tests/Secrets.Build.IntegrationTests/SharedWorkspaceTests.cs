using System.Text.RegularExpressions;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>Builds that run the target more than once at the same time: multi-targeting and -m.</summary>
[Collection(PackageCollection.Name)]
public sealed partial class SharedWorkspaceTests(PackageFixture package)
{
    [Fact]
    public void Multi_targeted_project_provisions_once_for_all_frameworks()
    {
        var workspace = new TestWorkspace(package, "multi-target");
        workspace.WriteSchema();
        var project = workspace.AddProject("App", "net9.0;net10.0");

        var result = workspace.Build(project, "-v:n");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Single(ProvisionedSummary().Matches(result.Output));
        Assert.True(File.Exists(Path.Combine(workspace.Directory, "App", "bin", "Debug", "net9.0", "App.dll")));
        Assert.True(File.Exists(Path.Combine(workspace.Directory, "App", "bin", "Debug", "net10.0", "App.dll")));
        Assert.All(TestSchemas.GeneratedNames, name => Assert.NotEmpty(workspace.ReadEnvFile()[name]));
    }

    [Fact]
    public void Four_projects_sharing_one_workspace_build_in_parallel_into_one_store()
    {
        var workspace = new TestWorkspace(package, "four-projects");
        workspace.WriteSchema();
        var projects = new[] { "Api", "Worker", "Admin", "Jobs" }.Select(name => workspace.AddProject(name)).ToArray();
        var solution = Path.Combine(workspace.Directory, "All.slnx");
        File.WriteAllText(solution, "<Solution>\n" + string.Concat(projects.Select(p =>
            $"  <Project Path=\"{Path.GetRelativePath(workspace.Directory, p)}\" />\n")) + "</Solution>\n");

        var first = workspace.Build(solution, "-m", "-v:n");

        Assert.True(first.Succeeded, first.ToString());
        var values = workspace.ReadEnvFile();
        Assert.All(TestSchemas.GeneratedNames, name => Assert.NotEmpty(values[name]));
        Assert.Single(Directory.GetFiles(Path.Combine(workspace.Directory, "secrets"), ".env.*.json"));
        var before = workspace.Snapshot();

        var second = workspace.Build(solution, "-m", "-v:n");

        Assert.True(second.Succeeded, second.ToString());
        Assert.Empty(ProvisionedSummary().Matches(second.Output));
        Assert.Equal(before, workspace.Snapshot());
    }

    // The task's one summary line per run (names and counts only).
    [GeneratedRegex(@"Secrets\.Build: 'development' provisioned:")]
    private static partial Regex ProvisionedSummary();
}
