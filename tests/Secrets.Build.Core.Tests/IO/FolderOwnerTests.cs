using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.IO;

/// <summary>
/// A <c>secrets/</c> folder that belongs to another user is SECB560. Changing a folder's owner
/// needs root (as CI runs these tests); under another user these facts are skipped with that reason.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FolderOwnerTests : IDisposable
{
    private const uint OtherUser = 4321;

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [UnixFact]
    public void The_owner_read_is_the_one_stat_prints_and_this_process_is_its_own_user()
    {
        var folder = _workspace.Path_("mine");
        Directory.CreateDirectory(folder);

        var printed = ExternalProcess.Run("stat", ["-c", "%u", folder], timeout: TimeSpan.FromSeconds(30)).StandardOutput.Trim();

        Assert.Equal(printed, FileOwner.Of(folder).ToString());
        Assert.Equal(FileOwner.CurrentUser(), FileOwner.Of(folder));
        Assert.False(FileOwner.BelongsToAnotherUser(folder, out _, out _));
        Assert.Null(FileOwner.Of(_workspace.Path_("missing")));
    }

    [RootFact]
    public void A_secrets_folder_of_another_user_is_SECB560_and_nothing_is_written_into_it()
    {
        var secrets = _workspace.Path_("secrets");
        Directory.CreateDirectory(secrets);
        File.SetUnixFileMode(secrets, (UnixFileMode)0b111_101_101);   // 755
        Chown(secrets, OtherUser);

        var result = new SecretsManager().Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.SecretsFolderOwnedByOtherUser, error.Code);
        Assert.Equal(secrets, error.Location?.File);
        Assert.Contains($"uid {OtherUser}", error.Message, StringComparison.Ordinal);
        Assert.Contains("chown -R", error.Fix, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(secrets));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(secrets));
        Assert.Equal(OtherUser, FileOwner.Of(secrets));
    }

    private static void Chown(string path, uint owner)
    {
        var result = ExternalProcess.Run("chown", [owner.ToString(System.Globalization.CultureInfo.InvariantCulture), path], timeout: TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, result.StandardError);
    }
}

/// <summary>A fact that needs root (to give a file to another user); skipped with that reason elsewhere.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (OperatingSystem.IsWindows() || FileOwner.CurrentUser() != 0)
        {
            Skip = "Giving a folder to another user (chown) needs root; CI runs these tests as root.";
        }
    }
}
