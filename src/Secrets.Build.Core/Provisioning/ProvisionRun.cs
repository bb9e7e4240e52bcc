using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// One provisioning run: schema, lock, store (open or create), reconcile, save, outputs,
/// rotation check. Every user mistake ends as a diagnostic in the result.
/// </summary>
internal sealed class ProvisionRun
{
    private readonly ProvisionOptions _options;
    private readonly IReadOnlyDictionary<string, int> _categoryOverrides;
    private readonly List<SecretsDiagnostic> _diagnostics = new();
    private ImmutableArray<string> _externalSecrets = ImmutableArray<string>.Empty;

    public ProvisionRun(ProvisionOptions options, IReadOnlyDictionary<string, int> categoryOverrides)
    {
        _options = options;
        _categoryOverrides = categoryOverrides;
    }

    public ProvisionResult Execute(CancellationToken cancellationToken)
    {
        var loaded = SchemaFile.Load(_options.SchemaPath);
        _diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Schema is not { } schema)
        {
            return Result();
        }

        // Reported so callers (the MSBuild task) need not parse the schema a second time.
        _externalSecrets = [.. schema.Secrets.Where(s => s.IsExternal).Select(s => s.Name)];

        var environment = _options.Environment.ToLowerInvariant();
        if (!schema.Environments.Contains(environment))
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.UnknownEnvironment,
                $"Environment '{_options.Environment}' is not declared in the schema (it declares {string.Join(", ", schema.Environments)}).",
                "Set SecretsEnvironment (or SECRETS_ENVIRONMENT) to a declared environment, or add it to \"environments\" in the schema.",
                SourceLocation.ForFile(schema.SourcePath)));
            return Result();
        }

        var workspace = Path.GetFullPath(_options.WorkspacePath ?? Path.GetDirectoryName(Path.GetFullPath(_options.SchemaPath))!);
        var paths = StorePaths.ForWorkspace(workspace, environment);
        try
        {
            return Provision(schema, workspace, paths, cancellationToken);
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return Result(paths);
        }
    }

    private ProvisionResult Provision(SecretsSchema schema, string workspace, StorePaths paths, CancellationToken cancellationToken)
    {
        var variables = _options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        var production = paths.Environment == "production";
        var rotation = new RotationPolicyEvaluator(schema, _options.RotationDaysOverride, _categoryOverrides);

        // Taking the lock creates the secrets folder as 700 (refusing another user's), so it is not done here too.
        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        // A linked audit trail is refused before the store and outputs are written, not after.
        NoLinkFile.RefuseLink(AuditTrail.PathFor(paths.SecretsDirectory, paths.Environment));
        // Read only now that the lock is held: a time read before the wait can be older than a
        // rotation another build saved meanwhile, and that rotation's previous value would then
        // look "retired in the future" and drop out of the outputs.
        var now = _options.Clock.GetUtcNow();
        // Someone else's .env.<env> (a Vite or Next.js file) is refused before a key or store is
        // created, so the refusal leaves the workspace and the key folder exactly as they were.
        var foreign = ForeignOutputs.Find(workspace, paths.Environment);
        if (_options.WriteOutputs)
        {
            foreign.Refuse(_options.ReplaceForeignOutputs, _diagnostics);
            if (_diagnostics.Any(d => d.Severity == SecretsSeverity.Error))
            {
                return Result(paths);
            }
        }

        using var opened = StoreOpener.Open(paths, workspace, _options.KeyDirectory, variables, _options.Generate, _diagnostics, _options.Trust, _options.KmsSettings(variables));
        using var store = opened.Store;
        // A hand-edited recipients file changes nobody's access; say so where the build shows it.
        _diagnostics.AddRange(Recipients.RecipientsSync.Check(store));

        var reconciler = new SecretReconciler(schema, rotation, variables, _options.Generate, requireExternal: production);
        var outcome = reconciler.Reconcile(store, now, _diagnostics);
        if (_diagnostics.Any(d => d.Severity == SecretsSeverity.Error))
        {
            // Nothing is saved or written when any secret could not be provisioned.
            return Result(paths, outcome);
        }

        store.Save();
        CommittedFileModes.Tighten(paths, _diagnostics);
        var metadata = schema.Secrets
            .Where(s => store.Contains(s.Name))
            .ToDictionary(s => s.Name, s => store.GetMetadata(s.Name));
        _diagnostics.AddRange(rotation.Check(metadata, now, _options.EnforceRotation ?? production));

        if (_options.WriteOutputs)
        {
            foreign.MoveAside(paths.SecretsDirectory, _options.ReplaceForeignOutputs, now, _diagnostics);
        }

        var outputs = _options.WriteOutputs
            ? OutputWriter.Write(schema, store, workspace, now)
            : ImmutableArray<string>.Empty;
        ProvisionAudit.Record(store, outcome, opened: !opened.Created, exported: _options.WriteOutputs, _options.Trigger, _options.Clock);
        opened.Remember(now);
        return Result(paths, outcome) with { Outputs = outputs, KeySource = opened.Key.Source };
    }

    private ProvisionResult Result(StorePaths? paths = null, ReconcileOutcome? outcome = null) => new()
    {
        Diagnostics = [.. _diagnostics],
        Generated = outcome?.Generated ?? ImmutableArray<string>.Empty,
        Captured = outcome?.Captured ?? ImmutableArray<string>.Empty,
        ExternalSecrets = _externalSecrets,
        StorePath = paths?.StorePath ?? string.Empty,
        MetadataPath = paths?.MetadataPath ?? string.Empty,
    };
}
