using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// A run that waits for the environment's lock must read the time after the wait, never before.
/// <see cref="ConcurrentRotationTests"/> failed under load because provisioning read the clock,
/// waited while a rotation saved a newer version, then judged that rotation's previous value
/// "retired in the future" (so outside its grace period) and wrote <c>.env</c> without its
/// <c>NAME__PREVIOUS</c> line. The clock here records, at every read, whether the run held the lock.
/// </summary>
public sealed class ClockUnderLockTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private string LockPath => StorePaths.ForWorkspace(_kit.Workspace.Workspace, _kit.Environment).LockPath;

    [Fact]
    public void Provisioning_reads_the_clock_only_while_it_holds_the_lock()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var clock = new LockWitnessClock(LockPath, _kit.Clock.Now.AddDays(1));

        _kit.TimeSource = clock;
        var result = _kit.Provision();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        clock.AssertEveryReadHeldTheLock();
    }

    [Fact]
    public void Rotation_reads_the_clock_only_while_it_holds_the_lock()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var clock = new LockWitnessClock(LockPath, _kit.Clock.Now.AddDays(1));

        _kit.TimeSource = clock;
        var result = _kit.Rotate("JWT_SECRET_KEY");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["JWT_SECRET_KEY"], result.Rotated.Select(r => r.Name));
        clock.AssertEveryReadHeldTheLock();
    }

    [Fact]
    public void Reading_previous_values_reads_the_clock_only_while_it_holds_the_lock()
    {
        Assert.True((_kit.Provision()).Succeeded);
        Assert.True((_kit.Rotate("JWT_SECRET_KEY")).Succeeded);
        var clock = new LockWitnessClock(LockPath, _kit.Clock.Now.AddHours(1));

        _kit.TimeSource = clock;
        var result = _kit.Previous("JWT_SECRET_KEY");

        Assert.True(Assert.Single(result.Values).InGracePeriod);
        clock.AssertEveryReadHeldTheLock();
    }

    /// <summary>
    /// A fixed time that, whenever it is read, tries the environment's lock without waiting:
    /// taking it means nobody held it, so the run was reading the time before it had the lock.
    /// An exclusive open of the lock file conflicts with the run's own even inside this process
    /// (flock belongs to the open file, not to the process).
    /// </summary>
    private sealed class LockWitnessClock(string lockPath, DateTimeOffset now) : TimeProvider
    {
        private int _reads;
        private int _readsWithoutLock;

        public override DateTimeOffset GetUtcNow()
        {
            Interlocked.Increment(ref _reads);
            try
            {
                using var probe = Secrets.Build.Core.IO.WorkspaceLock.Acquire(lockPath, TimeSpan.Zero);
                Interlocked.Increment(ref _readsWithoutLock);
            }
            catch (Secrets.Build.Core.Diagnostics.SecretsException ex) when (ex.Code == Secrets.Build.Core.Diagnostics.DiagnosticCodes.LockTimeout)
            {
                // Held: by the run itself, the only other user of this workspace.
            }

            return now;
        }

        public void AssertEveryReadHeldTheLock()
        {
            Assert.True(_reads > 0, "the run never read the clock, so this test checks nothing");
            Assert.True(_readsWithoutLock == 0, $"{_readsWithoutLock} of {_reads} clock reads happened while the lock was free");
        }
    }
}
