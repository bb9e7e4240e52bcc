using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// The schema, workspace folder and store paths of one environment, checked the same way for
/// every lifecycle operation: the schema parses, the environment is declared and (unless the operation may create it) its store exists.
/// </summary>
internal sealed record LifecycleWorkspace(SecretsSchema Schema, string Directory, StorePaths Paths)
{
    /// <summary>Loads and checks; returns null with the reasons added to <paramref name="diagnostics"/>.</summary>
    public static LifecycleWorkspace? Load(LifecycleOptions options, string operation, List<SecretsDiagnostic> diagnostics, bool requireStore = true)
    {
        var loaded = options.LoadedSchema ?? SchemaFile.Load(options.SchemaPath);
        // A caller that passes the schema it loaded has reported its warnings already; repeating them
        // would print each one once per operation. Its errors are kept: the operation still fails with them.
        diagnostics.AddRange(options.LoadedSchema is null ? loaded.Diagnostics : loaded.Diagnostics.Where(d => d.Severity == SecretsSeverity.Error));
        if (loaded.Schema is not { } schema)
        {
            return null;
        }

        var environment = options.Environment.ToLowerInvariant();
        if (!schema.Environments.Contains(environment))
        {
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.UnknownEnvironment,
                $"Environment '{options.Environment}' is not declared in the schema (it declares {string.Join(", ", schema.Environments)}).",
                "Set SecretsEnvironment (or SECRETS_ENVIRONMENT) to a declared environment, or add it to \"environments\" in the schema.",
                SourceLocation.ForFile(schema.SourcePath)));
            return null;
        }

        var directory = Path.GetFullPath(options.WorkspacePath ?? Path.GetDirectoryName(Path.GetFullPath(options.SchemaPath))!);
        StorePaths paths;
        try
        {
            paths = StorePaths.ForWorkspace(directory, environment);
            // Every operation appends to the trail after it saved: a linked trail is refused before that.
            NoLinkFile.RefuseLink(AuditTrail.PathFor(paths.SecretsDirectory, environment));
        }
        catch (SecretsException exception)
        {
            diagnostics.AddRange(exception.Diagnostics);
            return null;
        }

        if (requireStore && !SecretStore.Exists(paths))
        {
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.LifecycleStoreMissing,
                $"Environment '{environment}' has no store at {paths.StorePath}, so there is nothing to {operation}.",
                "Build once (dotnet build) to create the store, or check SecretsEnvironment and the workspace folder.",
                SourceLocation.ForFile(paths.StorePath)));
            return null;
        }

        return new LifecycleWorkspace(schema, directory, paths);
    }
}
