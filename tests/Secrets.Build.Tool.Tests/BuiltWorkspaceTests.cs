using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Outputs;
using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>
/// The tool on a workspace a real 'dotnet build' provisioned through the packed Secrets.Build
/// package: it sees what the build wrote, and the build agrees with what the tool changes.
/// Values are compared by hash, so a failure prints none.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class BuiltWorkspaceTests(ToolFixture tool, PackageFixture package) : IClassFixture<PackageFixture>
{
    private static readonly string[] Names = [.. TestSchemas.GeneratedNames, TestSchemas.ExternalName];

    [Fact]
    public void The_tool_reads_a_built_workspace_and_a_rebuild_agrees_with_its_rotation()
    {
        using var built = new TestWorkspace(package, "tool-reads-build");
        built.WriteSchema();
        var project = built.AddProject("App");
        built.Environment[TestSchemas.ExternalName] = "pk_test_" + Guid.NewGuid().ToString("N");
        var build = built.Build(project);
        Assert.True(build.Succeeded, build.ToString());
        var toolRun = new ToolWorkspace(tool, schema: null);
        toolRun.Variables["SECRETS_BUILD_KEY_DIR"] = built.KeyDirectory;

        var status = toolRun.RunIn(built.Directory, "status");

        ToolAssert.ExitCode(0, status);
        ToolAssert.NoValue(status, EnvValues(built));
        var rows = status.Stdout.Split('\n');
        Assert.All(Names, name => Assert.Single(rows, row => row.StartsWith(name + " ", StringComparison.Ordinal)));
        AssertOutputsCurrent(status);

        AssertRunSeesTheEnvFile(toolRun, built);

        var before = Hashes(EnvValues(built));
        var rotate = toolRun.RunIn(built.Directory, "rotate", "database_passwords");
        ToolAssert.ExitCode(0, rotate);
        ToolAssert.NoValue(rotate, EnvValues(built));
        var rotated = Hashes(EnvValues(built));
        Assert.NotEqual(before["DATABASE_PASSWORD"], rotated["DATABASE_PASSWORD"]);
        Assert.All(Names.Where(n => n != "DATABASE_PASSWORD"), name => Assert.Equal(before[name], rotated[name]));
        Assert.Equal(before["DATABASE_PASSWORD"], rotated["DATABASE_PASSWORD__PREVIOUS"]);

        AssertOutputsCurrent(toolRun.RunIn(built.Directory, "status"));

        var rebuild = built.Build(project);

        Assert.True(rebuild.Succeeded, rebuild.ToString());
        Assert.Equal(rotated, Hashes(EnvValues(built)));
        var after = toolRun.RunIn(built.Directory, "status");
        AssertOutputsCurrent(after);
        Assert.Matches(@"^DATABASE_PASSWORD\s.*\s2\s", after.Stdout.Split('\n').Single(l => l.StartsWith("DATABASE_PASSWORD ", StringComparison.Ordinal)));
        AssertRunSeesTheEnvFile(toolRun, built);
    }

    private static void AssertOutputsCurrent(ToolResult status)
    {
        ToolAssert.ExitCode(0, status);
        Assert.True(status.Stdout.Contains("Outputs:     current", StringComparison.Ordinal), status.ToString());
    }

    /// <summary>'run -- env' gives the command every value of the build's .env.development, byte for byte.</summary>
    private static void AssertRunSeesTheEnvFile(ToolWorkspace toolRun, TestWorkspace built)
    {
        var run = toolRun.RunIn(built.Directory, "run", "--", "env");
        // env prints every value: keep only their hashes, and only redacted output for failure messages.
        var seen = Hashes(run.Stdout.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.Ordinal));
        var redacted = run with { Stdout = $"({seen.Count} variables, not shown)" };
        ToolAssert.ExitCode(0, redacted);
        foreach (var (name, hash) in Hashes(EnvValues(built)))
        {
            Assert.True(seen.TryGetValue(name, out var actual), $"run did not give the command {name}\n{redacted}");
            Assert.True(actual == hash, $"run gave the command another {name} than .env.development holds");
        }
    }

    private static IReadOnlyDictionary<string, string> EnvValues(TestWorkspace built)
    {
        var parsed = EnvFileParser.Parse(File.ReadAllText(built.EnvFilePath()), built.EnvFilePath());
        Assert.True(parsed.Succeeded, string.Join('\n', parsed.Diagnostics));
        return parsed.Entries.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Hashes(IReadOnlyDictionary<string, string> values) =>
        values.ToDictionary(v => v.Key, v => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(v.Value))), StringComparer.Ordinal);
}
