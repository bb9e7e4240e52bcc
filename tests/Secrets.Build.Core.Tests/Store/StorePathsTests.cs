using System.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.Store;

public sealed class StorePathsTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Paths_follow_the_documented_names_with_a_lower_case_environment()
    {
        var paths = StorePaths.ForWorkspace("/work/app", "Production");

        Assert.Equal("production", paths.Environment);
        Assert.Equal(Path.GetFullPath("/work/app/secrets/.env.production.json"), paths.StorePath);
        Assert.Equal(Path.GetFullPath("/work/app/secrets/.env.production.metadata"), paths.MetadataPath);
        Assert.Equal(Path.GetFullPath("/work/app/secrets/.env.production.lock"), paths.LockPath);
    }

    [Theory]
    [InlineData("../production")]
    [InlineData("dev/x")]
    [InlineData("")]
    public void An_environment_name_that_could_escape_the_folder_is_a_SECB_error(string environment)
    {
        var ex = Assert.Throws<Core.Diagnostics.SecretsException>(() => StorePaths.ForWorkspace("/work/app", environment));

        Assert.Equal(Core.Diagnostics.DiagnosticCodes.InvalidEnvironmentName, ex.Code);
    }

    [ToolFact(Tools.Git)]
    public void Git_ignores_the_lock_pending_and_temp_files_but_not_the_committed_store()
    {
        Git("init", "--quiet");
        File.WriteAllLines(Path.Combine(_kit.Workspace, ".gitignore"), StorePaths.GitIgnoreEntries("Development"));
        _kit.SaveSample();
        using (WorkspaceLock.Acquire(_kit.Paths.LockPath, TimeSpan.FromSeconds(5)))
        {
        }

        File.WriteAllText(_kit.Paths.PendingStorePath, "{}");
        var temp = Path.Combine(_kit.Workspace, ".env.development.0123abcd" + AtomicFile.TempSuffix);
        File.WriteAllText(temp, "A=1");

        Assert.True(IsIgnored(_kit.Paths.LockPath));
        Assert.True(IsIgnored(_kit.Paths.PendingStorePath));
        Assert.True(IsIgnored(temp));
        Assert.False(IsIgnored(_kit.Paths.StorePath));
        Assert.False(IsIgnored(_kit.Paths.MetadataPath));
    }

    private bool IsIgnored(string path) => Git("check-ignore", "--quiet", path) == 0;

    private int Git(params string[] arguments)
    {
        var start = new ProcessStartInfo(Tools.Git) { WorkingDirectory = _kit.Workspace, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        return git.ExitCode;
    }
}
