using Secrets.Build.Core.CheckTrust;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core.Workspace;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Status;

/// <summary>
/// Gathers the inventory without any key: the schema, the plaintext metadata, the store's key list
/// and generation (held against this machine's trust record) and the outputs' timestamps. Nothing is decrypted, so status works where no key is.
/// </summary>
internal static class StatusReader
{
    public static StatusModel? Read(ToolSettings settings, List<SecretsDiagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var loaded = SchemaFile.Load(settings.Schema);
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Schema is not { } schema)
        {
            return null;
        }

        if (!schema.Environments.Contains(settings.EnvironmentLower))
        {
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.UnknownEnvironment,
                $"Environment '{settings.Environment}' is not declared in the schema (it declares {string.Join(", ", schema.Environments)}).",
                "Pass --env with a declared environment (or set SECRETS_ENVIRONMENT), or add it to \"environments\" in the schema.",
                SourceLocation.ForFile(schema.SourcePath)));
            return null;
        }

        var paths = StorePaths.ForWorkspace(settings.Workspace, settings.EnvironmentLower);
        if (!SecretStore.Exists(paths))
        {
            var empty = schema.Secrets.Select(s => Row(s, null, null)).ToList();
            return new StatusModel(settings.EnvironmentLower, settings.Schema, paths.StorePath, false, null, [], [], empty);
        }

        // The checks an open makes (rollback, replaced store, pinned minimum), without a key: status
        // must not present an older store as if it were current. Both checks take the schema read
        // above rather than reading the file again.
        var manager = new SecretsManager();
        var trust = manager.CheckTrust(settings.Apply(new CheckTrustOptions { SchemaPath = settings.Schema, LoadedSchema = loaded }, "status"), cancellationToken);
        diagnostics.AddRange(trust.Diagnostics);
        if (!trust.Succeeded)
        {
            return null;
        }

        var metadata = SecretStore.ReadMetadata(paths);
        var header = SecretStore.ReadHeader(paths);
        var rotation = manager.CheckRotation(
            settings.Apply(new CheckRotationOptions { SchemaPath = settings.Schema, LoadedSchema = loaded, EnforceRotation = false }, "status"), cancellationToken);
        // Due and overdue are shown in the table; repeating them as warnings would be noise.
        diagnostics.AddRange(rotation.Diagnostics.Where(d => d.Code is not (DiagnosticCodes.RotationDueSoon or DiagnosticCodes.RotationOverdue)));
        var due = rotation.Statuses.ToDictionary(s => s.Name, s => s.Due, StringComparer.Ordinal);

        var rows = schema.Secrets
            .Select(s => Row(s, metadata.GetValueOrDefault(s.Name), due.TryGetValue(s.Name, out var d) ? d : null))
            .ToList();
        return new StatusModel(settings.EnvironmentLower, settings.Schema, paths.StorePath, true, trust.Generation, header.KeyIds, Outputs(settings, schema, paths), rows);
    }

    private static SecretRow Row(Core.Schema.SecretDefinition secret, SecretMetadata? metadata, DateTimeOffset? due) => new(
        secret.Name,
        secret.Category,
        secret.Type.ToString().ToLowerInvariant(),
        metadata?.Source.ToString().ToLowerInvariant(),
        metadata?.Version,
        metadata?.RotatedAt,
        due ?? metadata?.NextRotation,
        secret.Services);

    // A value-bearing output (.env, Kubernetes Secret) is current when written at or after the last
    // change of the store and metadata: provisioning rewrites it whenever a value changes. The compose
    // override holds no value, only the schema's service mapping, and write-if-changed leaves it
    // alone when that mapping is the same, so its date says nothing: it is current when its text is
    // what the schema renders now.
    private static List<OutputState> Outputs(ToolSettings settings, Core.Schema.SecretsSchema schema, StorePaths paths)
    {
        var changed = new[] { paths.StorePath, paths.MetadataPath }.Where(File.Exists).Max(File.GetLastWriteTimeUtc);
        var compose = OutputPaths.ComposeOverride(settings.EnvironmentLower);
        return OutputPaths.PlaintextOutputs(settings.EnvironmentLower)
            .Select(name => Output(name, Path.Combine(settings.Workspace, name)))
            .ToList();

        OutputState Output(string name, string path)
        {
            if (!File.Exists(path))
            {
                return new OutputState(path, false, false);
            }

            var current = name == compose ? RendersTheSame(path, schema, settings.EnvironmentLower) : File.GetLastWriteTimeUtc(path) >= changed;
            return new OutputState(path, true, current);
        }
    }

    private static bool RendersTheSame(string path, Core.Schema.SecretsSchema schema, string environment)
    {
        try
        {
            return File.ReadAllText(path) == ComposeOverrideRenderer.Render(schema, environment);
        }
        catch (SecretsException)
        {
            // A mapping compose would reject: provisioning reports it; the file cannot be current.
            return false;
        }
    }
}
