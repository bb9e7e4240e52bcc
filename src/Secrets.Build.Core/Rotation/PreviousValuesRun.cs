using Secrets.Build.Core.Diagnostics;
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
            using var opened = LockedStore.Open(workspace, options, diagnostics, cancellationToken);
            var store = opened.Store;
            var now = opened.Now;
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
