using System.Diagnostics;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.IO;

public sealed class WorkspaceLockTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Acquire_creates_the_lock_file_and_its_private_folder()
    {
        var path = _dir.Combine("secrets", ".env.development.lock");

        using (var held = WorkspaceLock.Acquire(path, TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(path, held.Path);
            Assert.True(File.Exists(path));
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(FileModes.PrivateDirectory, File.GetUnixFileMode(_dir.Combine("secrets")));
            Assert.Equal(FileModes.PrivateFile, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void A_held_lock_makes_a_second_acquire_time_out_with_a_SECB_error_naming_the_file()
    {
        var path = _dir.Combine(".env.development.lock");
        using var held = WorkspaceLock.Acquire(path, TimeSpan.FromSeconds(5));

        var ex = Assert.Throws<SecretsException>(() => WorkspaceLock.Acquire(path, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(DiagnosticCodes.LockTimeout, ex.Code);
        Assert.Equal(path, ex.Diagnostics[0].Location?.File);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void A_released_lock_can_be_taken_again()
    {
        var path = _dir.Combine(".env.development.lock");
        WorkspaceLock.Acquire(path, TimeSpan.FromSeconds(5)).Dispose();

        using var again = WorkspaceLock.Acquire(path, TimeSpan.FromSeconds(5));

        Assert.True(File.Exists(path));
    }

    // flock(1) takes the same kind of lock .NET takes for FileShare.None on Unix.
    [ToolFact(Tools.Flock)]
    public void A_lock_held_by_another_process_excludes_this_one()
    {
        var path = _dir.Combine(".env.production.lock");
        var ready = _dir.Combine("ready");
        using var holder = Process.Start(new ProcessStartInfo(Tools.Flock,
            ["--exclusive", path, "/bin/sh", "-c", $"touch '{ready}'; sleep 30"]))!;
        try
        {
            WaitFor(() => File.Exists(ready));

            var ex = Assert.Throws<SecretsException>(() => WorkspaceLock.Acquire(path, TimeSpan.FromMilliseconds(300)));
            Assert.Equal(DiagnosticCodes.LockTimeout, ex.Code);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }

        // The OS released the dead process's lock.
        using var after = WorkspaceLock.Acquire(path, TimeSpan.FromSeconds(10));
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the child process did not start");
            }

            Thread.Sleep(20);
        }
    }
}
