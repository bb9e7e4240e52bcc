using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening.Maintenance;

/// <summary>The reference's "Secrets Not Found" fix: regenerate only when confirmed, after a backup.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RegenerateTests : IDisposable
{
    private readonly HardeningWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yes")]
    [InlineData("staging")]
    public void Without_the_environment_name_typed_again_nothing_changes(string? confirm)
    {
        _workspace.Provision();
        var before = _workspace.Snapshot();

        var result = new SecretsManager().Regenerate(new RegenerateOptions { Provision = _workspace.Options(), Confirm = confirm });

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RegenerationNotConfirmed, error.Code);
        Assert.Contains("secrets/.env.development.json", error.Message);
        Assert.Contains("Confirm = \"development\"", error.Fix);
        Assert.False(result.Succeeded);
        Assert.Null(result.BackupDirectory);
        Assert.Equal(before.Keys.Order(), _workspace.Snapshot().Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [UnixFact]
    public void Confirmed_regeneration_backs_up_every_file_then_generates_new_values()
    {
        _workspace.Provision();
        var oldValues = _workspace.EnvValues();
        var oldFiles = new[] { "secrets/.env.development.json", "secrets/.env.development.metadata", "secrets/.env.development.audit.jsonl", ".env.development" }
            .ToDictionary(f => f, f => File.ReadAllBytes(_workspace.PathOf(f)));
        var oldKeyFile = Directory.GetFiles(_workspace.KeyDirectory, "*.key").Single();

        var result = new SecretsManager().Regenerate(new RegenerateOptions { Provision = _workspace.Options(), Confirm = " Development " });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(18, result.Provision!.Generated.Length);
        var newValues = _workspace.EnvValues();
        Assert.All(oldValues.Where(v => v.Value.Length > 0), v => Assert.NotEqual(v.Value, newValues[v.Key]));

        var backup = result.BackupDirectory!;
        Assert.StartsWith(Path.Combine(_workspace.SecretsDirectory, "backup") + Path.DirectorySeparatorChar, backup);
        Assert.Equal(FileModes.PrivateDirectory, File.GetUnixFileMode(backup));
        Assert.Equal(FileModes.PrivateDirectory, File.GetUnixFileMode(Path.GetDirectoryName(backup)!));
        foreach (var (relative, bytes) in oldFiles)
        {
            var copy = Path.Combine(backup, Path.GetFileName(relative));
            Assert.Equal(bytes, File.ReadAllBytes(copy));
            Assert.Equal(FileModes.PrivateFile, File.GetUnixFileMode(copy));
            Assert.Contains(_workspace.PathOf(relative), result.BackedUp);
        }

        Assert.Contains("secrets/backup/", File.ReadAllText(_workspace.PathOf(".gitignore")));

        // The backup is a store that still opens with the old key, holding the old values.
        var backupPaths = StorePaths.ForSecretsDirectory(backup, "development");
        Assert.True(KeyText.TryParse(File.ReadAllText(oldKeyFile), out var oldKey));
        using var old = SecretStore.Open(backupPaths, new RawKey(oldKey, oldKeyFile));
        Assert.Equal(oldValues["POSTGRES_PASSWORD"], old.Reveal("POSTGRES_PASSWORD"));
    }

    [Fact]
    public void A_lost_key_is_the_case_regeneration_exists_for()
    {
        _workspace.Provision();
        Directory.Delete(_workspace.KeyDirectory, recursive: true);
        var manager = new SecretsManager();
        var stuck = manager.Provision(_workspace.Options());
        Assert.Contains(stuck.Diagnostics, d => d.Code == DiagnosticCodes.KeyNotFound);

        var result = manager.Regenerate(new RegenerateOptions { Provision = _workspace.Options(), Confirm = "development" });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(18, result.Provision!.Generated.Length);
        Assert.Single(Directory.GetFiles(_workspace.KeyDirectory, "*.development.key"));
        Assert.True((manager.Provision(_workspace.Options())).Succeeded);
    }

    [Fact]
    public void A_regeneration_that_cannot_provision_puts_the_old_files_back()
    {
        var externals = new Dictionary<string, string>
        {
            ["OPENAI_API_KEY"] = "sk-test-openai-0123456789",
            ["ANTHROPIC_API_KEY"] = "sk-ant-test-0123456789",
            ["GOOGLE_API_KEY"] = "AIza-test-0123456789",
        };
        var first = new SecretsManager().Provision(_workspace.Options("production", externals));
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        // .gitignore is the one file that changes for good: it now ignores secrets/backup/.
        var before = _workspace.Snapshot().Where(f => !f.Key.EndsWith(".gitignore", StringComparison.Ordinal)).ToDictionary();

        // Production requires the external values, which this run does not have.
        var result = new SecretsManager().Regenerate(new RegenerateOptions { Provision = _workspace.Options("production"), Confirm = "production" });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ExternalRequired);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.RegenerationRolledBack);
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
    }

    [Fact]
    public void Regeneration_with_generation_off_is_refused_before_anything_is_touched()
    {
        _workspace.Provision();
        var before = _workspace.Snapshot();

        var result = new SecretsManager().Regenerate(new RegenerateOptions
        {
            Provision = _workspace.Options() with { Generate = false },
            Confirm = "development",
        });

        Assert.Equal(DiagnosticCodes.RegenerationNeedsGeneration, Assert.Single(result.Diagnostics).Code);
        Assert.Equal(before.Keys.Order(), _workspace.Snapshot().Keys.Order());
    }
}
