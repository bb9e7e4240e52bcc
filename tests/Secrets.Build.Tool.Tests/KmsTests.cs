using Secrets.Build.Core.Tests.Kms;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

/// <summary>
/// <c>secrets-build kms add|remove|list</c> against moto's KMS server, and proof, from the tool's
/// own memory map, that a store without KMS never loads an AWS assembly while one with KMS does.
/// </summary>
[Collection(ToolCollection.Name)]
public sealed class KmsTests(ToolFixture tool)
{
    // The child prints the tool's own memory map: every assembly the runtime loaded is mapped there.
    private static readonly string[] PrintToolMaps = ["run", "--", "sh", "-c", "cat /proc/$PPID/maps"];

    [MotoFact]
    public void A_kms_key_is_added_listed_opens_the_store_alone_and_is_removed_with_the_secrets_to_rotate()
    {
        using var moto = MotoServer.Start();
        var arn = moto.CreateKey();
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        PointAt(workspace, moto);

        var add = workspace.Run("kms", "add", arn);
        var list = workspace.Run("kms", "list");
        // Without the key file, only KMS can open the store.
        var keys = Directory.EnumerateFiles(workspace.KeyDirectory, "*.key").ToDictionary(f => f, File.ReadAllBytes);
        foreach (var file in keys.Keys)
        {
            File.Delete(file);
        }

        var throughKms = workspace.Run("get", "API_TOKEN");
        var maps = workspace.Run(PrintToolMaps);
        foreach (var (file, bytes) in keys)
        {
            File.WriteAllBytes(file, bytes);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var remove = workspace.Run("kms", "remove", arn);
        var afterRemove = workspace.Run("kms", "list");

        ToolAssert.ExitCode(0, add);
        ToolAssert.ExitCode(0, list);
        Assert.Contains(arn, list.Stdout, StringComparison.Ordinal);
        ToolAssert.ExitCode(0, throughKms);
        Assert.True(throughKms.Stdout == values["API_TOKEN"] + "\n", "KMS opened a different API_TOKEN");
        ToolAssert.ExitCode(0, maps);
        Assert.Contains("AWSSDK.Core.dll", maps.Stdout, StringComparison.Ordinal);
        ToolAssert.ExitCode(0, remove);
        Assert.Contains("SECB742", remove.Stderr, StringComparison.Ordinal);
        Assert.Contains("secrets-build rotate", remove.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(arn, afterRemove.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(MotoServer.ChildSecretAccessKey, throughKms.Stderr, StringComparison.Ordinal);
        foreach (var result in new[] { add, list, remove, afterRemove })
        {
            Assert.DoesNotContain(MotoServer.ChildSecretAccessKey, result.ToString(), StringComparison.Ordinal);
            ToolAssert.NoValue(result, values);
        }
    }

    [Fact]
    public void A_store_without_kms_is_opened_without_loading_any_aws_assembly()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var maps = workspace.Run(PrintToolMaps);

        ToolAssert.ExitCode(0, maps);
        // The store was opened (run decrypts every value), and the map is the tool's: Core is in it.
        Assert.Contains("Secrets.Build.Core.dll", maps.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("AWSSDK", maps.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kms_key_that_is_not_an_arn_is_SECB738_and_changes_nothing()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();
        var store = File.ReadAllBytes(Path.Combine(workspace.Directory, "secrets", ".env.development.json"));

        var result = workspace.Run("kms", "add", "alias/secrets");

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB738", result);
        Assert.Equal(store, File.ReadAllBytes(Path.Combine(workspace.Directory, "secrets", ".env.development.json")));
    }

    private static void PointAt(ToolWorkspace workspace, MotoServer moto) =>
        moto.ChildVariables.ToList().ForEach(v => workspace.Variables[v.Key] = v.Value);
}
