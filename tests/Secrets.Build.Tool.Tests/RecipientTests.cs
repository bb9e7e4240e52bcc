using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Tool.Tests.Infrastructure;

namespace Secrets.Build.Tool.Tests;

[Collection(ToolCollection.Name)]
public sealed class RecipientTests(ToolFixture tool)
{
    [Fact]
    public void An_added_recipient_opens_the_store_with_identity_and_removing_it_lists_what_to_rotate()
    {
        var workspace = new ToolWorkspace(tool);
        var values = workspace.Provision();
        using var identity = AgeIdentity.Generate();
        var identityFile = Path.Combine(workspace.Root, "dana.txt");
        File.WriteAllText(identityFile, identity.ToSecretText() + "\n");
        File.SetUnixFileMode(identityFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var recipient = identity.Recipient.Text;

        var add = workspace.Run("recipients", "add", recipient, "--name", "Dana [laptop]");
        var list = workspace.Run("recipients", "list");
        // Without the key file, only the identity can open the store.
        var keys = Directory.EnumerateFiles(workspace.KeyDirectory, "*.key").ToDictionary(f => f, File.ReadAllBytes);
        foreach (var file in keys.Keys)
        {
            File.Delete(file);
        }

        var withoutIdentity = workspace.Run("get", "API_TOKEN");
        var withIdentity = workspace.Run("get", "API_TOKEN", "--identity", identityFile);
        foreach (var (file, bytes) in keys)
        {
            File.WriteAllBytes(file, bytes);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var remove = workspace.Run("recipients", "remove", recipient);

        ToolAssert.ExitCode(0, add);
        ToolAssert.ExitCode(0, list);
        Assert.Contains(identity.Recipient.Fingerprint, list.Stdout);
        Assert.Contains("Dana [laptop]", list.Stdout);
        ToolAssert.ExitCode(1, withoutIdentity);
        ToolAssert.ExitCode(0, withIdentity);
        Assert.True(withIdentity.Stdout == values["API_TOKEN"] + "\n", "the identity read a different API_TOKEN");
        ToolAssert.ExitCode(0, remove);
        Assert.Contains("secrets-build rotate", remove.Stdout);
        Assert.DoesNotContain(identity.Recipient.Fingerprint, workspace.Run("recipients", "list").Stdout);
        ToolAssert.NoValue(remove, values);
    }

    [Fact]
    public void An_unreadable_identity_file_is_SECB805()
    {
        var workspace = new ToolWorkspace(tool);
        workspace.Provision();

        var result = workspace.Run("get", "API_TOKEN", "--identity", Path.Combine(workspace.Root, "missing.txt"));

        ToolAssert.ExitCode(1, result);
        ToolAssert.Error("SECB805", result);
    }
}
