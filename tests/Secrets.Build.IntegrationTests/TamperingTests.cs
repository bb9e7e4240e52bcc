using System.Text.Json;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>A wrong key or a changed store is a build error; nothing is regenerated or half-written.</summary>
[Collection(PackageCollection.Name)]
public sealed class TamperingTests(PackageFixture package)
{
    [Fact]
    public void Wrong_key_fails_with_a_store_error_and_leaves_every_file_byte_identical()
    {
        var workspace = ProvisionedWorkspace("wrong-key", out var project);
        var other = ProvisionedWorkspace("other-key", out _);

        // The right key file holding someone else's key: what a developer gets from a wrong copy-paste.
        var ownKey = Assert.Single(Directory.GetFiles(workspace.KeyDirectory, "*.key", SearchOption.AllDirectories));
        var otherKey = Assert.Single(Directory.GetFiles(other.KeyDirectory, "*.key", SearchOption.AllDirectories));
        File.WriteAllBytes(ownKey, File.ReadAllBytes(otherKey));

        TouchSchema(workspace);
        var before = workspace.Snapshot();

        var result = workspace.Build(project);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Matches(@"error SECB2\d\d", result.Output);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void Tampered_store_fails_with_a_store_error_naming_it_and_leaves_every_file_byte_identical()
    {
        var workspace = ProvisionedWorkspace("tampered", out var project);
        var store = workspace.StorePath();
        var text = File.ReadAllText(store);
        var ciphertext = LongestString(JsonDocument.Parse(text).RootElement);
        var middle = ciphertext.Length / 2;
        var flipped = ciphertext[..middle] + (ciphertext[middle] == 'A' ? 'B' : 'A') + ciphertext[(middle + 1)..];
        File.WriteAllText(store, text.Replace(ciphertext, flipped, StringComparison.Ordinal));
        var before = workspace.Snapshot();

        var result = workspace.Build(project);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Matches(@"error SECB2\d\d", result.Output);
        Assert.Contains(".env.development.json", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());
    }

    [Fact]
    public void A_generation_claimed_without_the_data_key_fails_the_store_mac_and_leaves_every_file_byte_identical()
    {
        var workspace = ProvisionedWorkspace("generation", out var project);
        var store = workspace.StorePath();
        var text = File.ReadAllText(store);
        Assert.Contains("\"generation\": 1,", text, StringComparison.Ordinal);
        File.WriteAllText(store, text.Replace("\"generation\": 1,", "\"generation\": 9,", StringComparison.Ordinal));
        var before = workspace.Snapshot();

        var result = workspace.Build(project);

        Assert.False(result.Succeeded, result.ToString());
        Assert.Contains("error SECB242", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.Snapshot());
    }

    private TestWorkspace ProvisionedWorkspace(string name, out string project)
    {
        var workspace = new TestWorkspace(package, name);
        workspace.WriteSchema();
        project = workspace.AddProject("App");
        var result = workspace.Build(project);
        Assert.True(result.Succeeded, result.ToString());
        return workspace;
    }

    /// <summary>A key change leaves no trace MSBuild's up-to-date check sees; a schema edit does.</summary>
    private static void TouchSchema(TestWorkspace workspace) =>
        File.SetLastWriteTimeUtc(Path.Combine(workspace.Directory, "secrets.schema.json"), DateTime.UtcNow);

    private static string LongestString(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Object => element.EnumerateObject().Select(p => LongestString(p.Value)).DefaultIfEmpty("").MaxBy(s => s.Length)!,
        JsonValueKind.Array => element.EnumerateArray().Select(LongestString).DefaultIfEmpty("").MaxBy(s => s.Length)!,
        _ => string.Empty,
    };
}
