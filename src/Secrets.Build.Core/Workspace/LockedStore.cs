using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// An environment's existing store opened to be read, under the workspace lock, with the time read
/// once the lock is held: what every reading operation (current values, previous values) needs.
/// Disposing wipes the store and its key, then releases the lock.
/// </summary>
internal sealed class LockedStore : IDisposable
{
    private readonly WorkspaceLock _lock;
    private readonly OpenedWorkspace _opened;

    private LockedStore(WorkspaceLock held, OpenedWorkspace opened, DateTimeOffset now)
    {
        _lock = held;
        _opened = opened;
        Now = now;
    }

    /// <summary>The opened store.</summary>
    public SecretStore Store => _opened.Store;

    /// <summary>
    /// The clock, read under the lock: a time from before the wait would put a rotation saved
    /// meanwhile out of its grace period.
    /// </summary>
    public DateTimeOffset Now { get; }

    /// <summary>Locks the workspace and opens its store; never creates one. Problems found on the way are added to <paramref name="diagnostics"/>; a store that cannot be opened throws <see cref="SecretsException"/>.</summary>
    public static LockedStore Open(LifecycleWorkspace workspace, OperationOptions options, List<SecretsDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var variables = options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        var held = WorkspaceLock.Acquire(workspace.Paths.LockPath, cancellationToken);
        try
        {
            var now = options.Clock.GetUtcNow();
            var opened = StoreOpener.Open(workspace.Paths, workspace.Directory, options.KeyDirectory, variables, mayCreate: false, diagnostics, options.Trust, options.KmsSettings(variables));
            return new LockedStore(held, opened, now);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Writes what this read saw to the trust record (see <see cref="OpenedWorkspace.Remember"/>); call once its audit lines are written.</summary>
    public void Remember() => _opened.Remember(Now);

    public void Dispose()
    {
        _opened.Dispose();
        _lock.Dispose();
    }
}
