using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>
/// The cheap due-date check a daily build step can afford: metadata only, no key, no lock (the
/// metadata file is replaced atomically, so a concurrent save is seen whole or not at all).
/// </summary>
internal static class CheckRotationRun
{
    public static CheckRotationResult Execute(CheckRotationOptions options, IReadOnlyDictionary<string, int> categoryOverrides)
    {
        var diagnostics = new List<SecretsDiagnostic>();
        if (LifecycleWorkspace.Load(options, "check", diagnostics) is not { } workspace)
        {
            return new CheckRotationResult { Diagnostics = [.. diagnostics] };
        }

        try
        {
            var metadata = SecretStore.ReadMetadata(workspace.Paths);
            var evaluator = new RotationPolicyEvaluator(workspace.Schema, options.RotationDaysOverride, categoryOverrides);
            var now = options.Clock.GetUtcNow();
            diagnostics.AddRange(evaluator.Check(metadata, now, options.EnforceRotation ?? workspace.Paths.Environment == "production"));
            var statuses = workspace.Schema.Secrets
                .Where(s => metadata.ContainsKey(s.Name))
                .Select(s => evaluator.Evaluate(s, metadata[s.Name].RotatedAt, now, metadata[s.Name].NextRotation));
            return new CheckRotationResult { Diagnostics = [.. diagnostics], Statuses = [.. statuses] };
        }
        catch (SecretsException exception)
        {
            return new CheckRotationResult { Diagnostics = [.. diagnostics, .. exception.Diagnostics] };
        }
    }
}
