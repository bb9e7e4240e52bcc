using System.Text.Json;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>The store generation and this machine's trust record, as the tool shows and enforces them.</summary>
[Collection(ToolCollection.Name)]
public sealed class TrustTests(ToolFixture tool)
{
    [Fact]
    public void Status_shows_the_generation_and_a_rotate_raises_it()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var before = Generation(workspace);

        ToolAssert.ExitCode(0, workspace.Run("rotate", "database_passwords"));
        var after = Generation(workspace);
        var table = workspace.Run("status");

        Assert.True(before >= 1, $"generation {before} after provisioning");
        Assert.True(after > before, $"generation {after} after a rotate, {before} before");
        Assert.Contains($"Generation:  {after}\n", table.Stdout);
    }

    [Fact]
    public void A_rolled_back_store_is_refused_by_status_run_and_get_until_accepted_with_the_environment_name()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var older = CopyStore(workspace);
        var olderValue = workspace.EnvValues()["DB_PASSWORD"];
        ToolAssert.ExitCode(0, workspace.Run("rotate", "database_passwords"));
        var values = workspace.EnvValues();
        RestoreStore(workspace, older);

        var status = workspace.Run("status");
        var run = workspace.Run("run", "--", "true");
        var get = workspace.Run("get", "DB_PASSWORD");
        var wrongName = workspace.Run("get", "DB_PASSWORD", "--accept-rollback", "production");

        foreach (var refused in new[] { status, run, get, wrongName })
        {
            ToolAssert.ExitCode(1, refused);
            ToolAssert.Error("SECB700", refused);
            ToolAssert.NoValue(refused, values);
        }

        Assert.Contains("--accept-rollback development", status.Stderr);
        Assert.Contains("-p:SecretsAcceptRollback=development", get.Stderr);

        var acceptedStatus = workspace.Run("status", "--accept-rollback", "development");
        var acceptedGet = workspace.Run("get", "DB_PASSWORD", "--accept-rollback", "development");

        ToolAssert.ExitCode(0, acceptedStatus);
        Assert.Contains("warning SECB708:", acceptedStatus.Stderr);
        ToolAssert.ExitCode(0, acceptedGet);
        Assert.Contains("warning SECB708:", acceptedGet.Stderr);
        Assert.True(acceptedGet.Stdout.Trim() == olderValue, "get after the accepted rollback did not print the restored store's value");
    }

    [Fact]
    public void A_minimum_generation_above_the_store_is_refused_from_the_option_and_the_variable()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var status = workspace.Run("status", "--min-generation", "99");
        var run = workspace.Run("run", "--min-generation", "99", "--", "true");
        var met = workspace.Run("status", "--min-generation", "1");
        var notANumber = workspace.Run("status", "--min-generation", "soon");
        workspace.Variables["SECRETS_BUILD_MIN_GENERATION_DEVELOPMENT"] = "99";
        var fromVariable = workspace.Run("get", "DB_PASSWORD");

        foreach (var refused in new[] { status, run, fromVariable })
        {
            ToolAssert.ExitCode(1, refused);
            ToolAssert.Error("SECB705", refused);
        }

        Assert.Contains("--min-generation", status.Stderr);
        ToolAssert.ExitCode(0, met);
        ToolAssert.ExitCode(1, notANumber);
        ToolAssert.Error("SECB706", notANumber);
    }

    [Fact]
    public void Doctor_reports_the_trust_record_and_the_last_generation_seen_per_environment()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var generation = Generation(workspace);

        var doctor = workspace.Run("doctor");

        ToolAssert.ExitCode(0, doctor);
        Assert.Contains("trust record", doctor.Stdout);
        Assert.Contains(Path.Combine(workspace.KeyDirectory, "trust"), doctor.Stdout);
        Assert.Contains($"last generation seen here {generation}", doctor.Stdout);
        Assert.Contains("trust (production)", doctor.Stdout);
    }

    private static int Generation(ToolWorkspace workspace)
    {
        var status = workspace.Run("status", "--json");
        ToolAssert.ExitCode(0, status);
        using var json = JsonDocument.Parse(status.Stdout);
        return json.RootElement.GetProperty("store").GetProperty("generation").GetInt32();
    }

    // What a "git checkout <older commit> -- secrets/" puts back: the store and its metadata.
    private static Dictionary<string, byte[]> CopyStore(ToolWorkspace workspace) =>
        new[] { ".env.development.json", ".env.development.metadata" }
            .ToDictionary(name => name, name => File.ReadAllBytes(Path.Combine(workspace.Directory, "secrets", name)));

    private static void RestoreStore(ToolWorkspace workspace, Dictionary<string, byte[]> files)
    {
        foreach (var (name, bytes) in files)
        {
            File.WriteAllBytes(Path.Combine(workspace.Directory, "secrets", name), bytes);
        }
    }
}
