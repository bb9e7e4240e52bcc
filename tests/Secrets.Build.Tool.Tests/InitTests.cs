using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class InitTests(ToolFixture tool)
{
    [Fact]
    public void Init_writes_an_empty_schema_that_provisions()
    {
        var workspace = new ToolWorkspace(tool, schema: null);

        var init = workspace.Run("init");

        ToolAssert.ExitCode(0, init);
        ToolAssert.ExitCode(0, workspace.Run("status"));
    }

    [Fact]
    public void Init_from_the_template_declares_the_reference_stacks_21_secrets()
    {
        var workspace = new ToolWorkspace(tool, schema: null);

        ToolAssert.ExitCode(0, workspace.Run("init", "--template", "multimodal-stack"));
        var status = workspace.Run("status", "--json");

        ToolAssert.ExitCode(0, status);
        using var json = System.Text.Json.JsonDocument.Parse(status.Stdout);
        Assert.Equal(21, json.RootElement.GetProperty("secrets").GetArrayLength());
    }

    [Fact]
    public void Init_from_an_env_file_declares_its_names_and_imports_the_values()
    {
        var workspace = new ToolWorkspace(tool, schema: null);
        var source = Path.Combine(workspace.Root, "legacy.env");
        File.WriteAllText(source, "POSTGRES_PASSWORD=Legacy-Postgres-Passw0rd-abcdefghijklmnop\nJWT_SECRET=Legacy-Jwt-Secret-0123456789abcdefghijklmnopqrstuv\nSTRIPE_API_KEY=sk_test_legacy_0123456789abcdef\n");

        var init = workspace.Run("init", "--from", source);

        ToolAssert.ExitCode(0, init);
        Assert.Contains("3 imported", init.Stdout);
        var status = workspace.Run("status");
        Assert.Contains("database_passwords", status.Stdout.Split('\n').Single(l => l.StartsWith("POSTGRES_PASSWORD", StringComparison.Ordinal)));
        Assert.Contains("jwt_secrets", status.Stdout.Split('\n').Single(l => l.StartsWith("JWT_SECRET", StringComparison.Ordinal)));
        Assert.Contains("api_keys", status.Stdout.Split('\n').Single(l => l.StartsWith("STRIPE_API_KEY", StringComparison.Ordinal)));
        var get = workspace.Run("get", "STRIPE_API_KEY");
        Assert.True(get.Stdout == "sk_test_legacy_0123456789abcdef\n", "the imported value does not read back");
        ToolAssert.NoValue(status, workspace.EnvValues());
    }

    [Fact]
    public void Init_from_an_env_file_prints_its_warnings_once()
    {
        // A '$' in an unquoted value is a warning (SECB306). init parses the file for the names and
        // the import parses it again for the values: only one of them may print it.
        var workspace = new ToolWorkspace(tool, schema: null);
        var source = Path.Combine(workspace.Root, "legacy.env");
        File.WriteAllText(source, "POSTGRES_PASSWORD=Legacy-Postgres-Passw0rd-abcdefghijklmnop\nSTRIPE_API_KEY=sk_test_legacy_$0123456789abcdef\n");

        var init = workspace.Run("init", "--from", source);

        ToolAssert.ExitCode(0, init);
        Assert.Contains("2 imported", init.Stdout);
        ToolAssert.WarnedOnce("SECB306", source, init);
    }

    [Fact]
    public void Init_from_an_env_file_with_an_error_prints_it_and_its_warnings_once()
    {
        // The import never runs, so init itself must print everything the file gave.
        var workspace = new ToolWorkspace(tool, schema: null);
        var source = Path.Combine(workspace.Root, "legacy.env");
        File.WriteAllText(source, "STRIPE_API_KEY=sk_test_legacy_$0123456789abcdef\nnot a line\n");

        var init = workspace.Run("init", "--from", source);

        ToolAssert.ExitCode(1, init);
        ToolAssert.Error("SECB304", init);
        ToolAssert.WarnedOnce("SECB306", source, init);
        Assert.False(File.Exists(Path.Combine(workspace.Directory, "secrets.schema.json")), "a schema was written from a file with an error");
    }

    [Fact]
    public void Init_never_replaces_a_schema()
    {
        var workspace = new ToolWorkspace(tool);

        var init = workspace.Run("init");

        ToolAssert.ExitCode(1, init);
        ToolAssert.Error("SECB804", init);
        Assert.Equal(ToolWorkspace.SmallSchema, File.ReadAllText(Path.Combine(workspace.Directory, "secrets.schema.json")));
    }
}
