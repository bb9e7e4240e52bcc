using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Access;

/// <summary>
/// Opens the store under the workspace lock, decrypts the asked-for current values and records who
/// read which (an <c>accessed</c> line per secret), so a value handed to a process leaves the same
/// trace as one a build decrypted.
/// </summary>
internal static class ReadValuesRun
{
    public static ReadValuesResult Execute(ReadValuesOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<SecretsDiagnostic>();
        if (LifecycleWorkspace.Load(options, "read", diagnostics) is not { } workspace)
        {
            return new ReadValuesResult { Diagnostics = [.. diagnostics] };
        }

        var wanted = options.Names.Count == 0 ? null : new HashSet<string>(options.Names, StringComparer.OrdinalIgnoreCase);
        foreach (var name in options.Names.Where(n => !workspace.Schema.Secrets.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            diagnostics.Add(NotDeclared(name, "is not declared in the schema", workspace.Schema.SourcePath));
        }

        if (diagnostics.Any(d => d.Severity == SecretsSeverity.Error))
        {
            return new ReadValuesResult { Diagnostics = [.. diagnostics] };
        }

        try
        {
            using var opened = LockedStore.Open(workspace, options, diagnostics, cancellationToken);
            var store = opened.Store;
            var now = opened.Now;
            var selected = workspace.Schema.Secrets.Where(s => wanted is null || wanted.Contains(s.Name)).ToList();
            foreach (var missing in selected.Where(s => !store.Contains(s.Name)).Select(s => s.Name))
            {
                // Only an explicit request is an error: "all values" means all the store holds.
                if (wanted is not null)
                {
                    diagnostics.Add(NotDeclared(missing, "has no value in this environment's store yet", workspace.Paths.StorePath));
                }
            }

            if (diagnostics.Any(d => d.Severity == SecretsSeverity.Error))
            {
                return new ReadValuesResult { Diagnostics = [.. diagnostics] };
            }

            var read = selected.Where(s => store.Contains(s.Name)).ToList();
            var values = read.Select(s => new SecretValue(s.Name, store.Reveal(s.Name))).ToList();
            if (options.IncludePrevious)
            {
                foreach (var secret in read)
                {
                    var history = store.History(secret.Name);
                    if (history.Count > 0 && PreviousValues.InGrace(history[^1].RetiredAt, now, options.GracePeriod))
                    {
                        values.Add(new SecretValue(PreviousValues.VariableName(secret.Name), store.RevealVersion(secret.Name, history[^1].Version)));
                    }
                }
            }

            LifecycleAudit.Record(store, read.Select(s => LifecycleAudit.ForSecret(store, s.Name, AuditEventKind.Accessed, options.Trigger, options.Clock)));
            opened.Remember();
            return new ReadValuesResult { Diagnostics = [.. diagnostics], Values = [.. values] };
        }
        catch (SecretsException exception)
        {
            return new ReadValuesResult { Diagnostics = [.. diagnostics, .. exception.Diagnostics] };
        }
    }

    private static SecretsDiagnostic NotDeclared(string name, string problem, string? file) =>
        SecretsDiagnostic.Error(DiagnosticCodes.SecretNotDeclared,
            $"'{name}' {problem}.",
            "Check the name with 'secrets-build status' (names are the schema's, e.g. POSTGRES_PASSWORD).",
            SourceLocation.ForFile(file));
}
