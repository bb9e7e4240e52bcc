using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>Opens the store and reads back the retired versions it keeps; changes nothing.</summary>
internal static class PreviousValuesRun
{
    public static PreviousValuesResult Execute(PreviousValuesOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<SecretsDiagnostic>();
        if (LifecycleWorkspace.Load(options, "read", diagnostics) is not { } workspace)
        {
            return new PreviousValuesResult { Diagnostics = [.. diagnostics] };
        }

        try
        {
            var variables = options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
            using var workspaceLock = WorkspaceLock.Acquire(workspace.Paths.LockPath, cancellationToken);
            // Read under the lock: a time from before the wait would put a rotation saved meanwhile out of grace.
            var now = options.Clock.GetUtcNow();
            using var opened = StoreOpener.Open(workspace.Paths, workspace.Directory, options.KeyDirectory, variables, mayCreate: false, diagnostics, options.Trust, options.Kms);
            var store = opened.Store;
            var wanted = options.Names.Count == 0 ? null : new HashSet<string>(options.Names, StringComparer.OrdinalIgnoreCase);
            var values = new List<PreviousValue>();
            foreach (var secret in workspace.Schema.Secrets.Where(s => store.Contains(s.Name) && (wanted is null || wanted.Contains(s.Name))))
            {
                var history = store.History(secret.Name);
                foreach (var (retired, index) in history.Select((r, i) => (r, i)))
                {
                    var inGrace = index == history.Count - 1 && PreviousValues.InGrace(retired.RetiredAt, now, options.GracePeriod);
                    values.Add(new PreviousValue(secret.Name, retired.Version, retired.RetiredAt, inGrace, store.RevealVersion(secret.Name, retired.Version)));
                }
            }

            return new PreviousValuesResult { Diagnostics = [.. diagnostics], Values = [.. values] };
        }
        catch (SecretsException exception)
        {
            return new PreviousValuesResult { Diagnostics = [.. diagnostics, .. exception.Diagnostics] };
        }
    }
}
