using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Generation;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>
/// One value rotation: under the environment's lock, new values for the selected generated
/// secrets, each previous value kept as a retired version (the newest few), then save, outputs
/// and one <c>rotated</c> audit line per secret. Secrets not selected keep their exact ciphertext.
/// </summary>
internal sealed class RotateRun
{
    private readonly RotateOptions _options;
    private readonly IReadOnlyDictionary<string, int> _categoryOverrides;
    private readonly List<SecretsDiagnostic> _diagnostics = [];

    public RotateRun(RotateOptions options, IReadOnlyDictionary<string, int> categoryOverrides)
    {
        _options = options;
        _categoryOverrides = categoryOverrides;
    }

    public RotateResult Execute(CancellationToken cancellationToken)
    {
        if (LifecycleWorkspace.Load(_options, "rotate", _diagnostics) is not { } workspace)
        {
            return Result();
        }

        try
        {
            return Rotate(workspace, cancellationToken);
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return Result(workspace.Paths);
        }
    }

    private RotateResult Rotate(LifecycleWorkspace workspace, CancellationToken cancellationToken)
    {
        var (schema, paths) = (workspace.Schema, workspace.Paths);
        var variables = _options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        var evaluator = new RotationPolicyEvaluator(schema, _options.RotationDaysOverride, _categoryOverrides);

        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        // Read under the lock, after any earlier writer finished, so rotation times only move forward.
        var now = _options.Clock.GetUtcNow();
        var foreign = ForeignOutputs.Find(workspace.Directory, paths.Environment);
        if (_options.WriteOutputs)
        {
            // Refused before any value changes: a rotation whose outputs cannot be written would
            // leave the services on values the store no longer calls current.
            foreign.Refuse(_options.ReplaceForeignOutputs, _diagnostics);
            if (_diagnostics.Any(d => d.Severity == SecretsSeverity.Error))
            {
                return Result(paths);
            }
        }

        using var opened = StoreOpener.Open(paths, workspace.Directory, _options.KeyDirectory, variables, mayCreate: false, _diagnostics, _options.Trust, _options.KmsSettings(variables));
        var store = opened.Store;
        if (RotationSelection.Resolve(schema, _options.Selectors, evaluator, store, now, _diagnostics) is not { } selected)
        {
            return Result(paths);
        }

        var rotated = ImmutableArray.CreateBuilder<RotatedSecret>();
        var skipped = ImmutableArray.CreateBuilder<string>();
        for (var index = 0; index < selected.Count; index++)
        {
            // Reported before each secret (the first report gives the total) and once after the last.
            _options.Progress?.Report(new SecretsProgress(index, selected.Count));
            var secret = selected[index];
            if (secret.IsExternal)
            {
                // Only the provider can issue a new API key; an invented value would just break the service.
                _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.RotationExternal,
                    $"{secret.Name} is an external secret: Secrets.Build cannot make a new value for it, so it was not rotated.",
                    $"Rotate it at its provider, set the new value in the environment variable {secret.Name}, and build: the build captures it as the next version and keeps the old one.",
                    secret.Location));
                skipped.Add(secret.Name);
                continue;
            }

            if (!store.Contains(secret.Name))
            {
                _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.RotationNotProvisioned,
                    $"{secret.Name} is declared but not yet in the {paths.Environment} store, so there is nothing to rotate.",
                    "Build once so it is generated, then rotate it if needed.",
                    secret.Location));
                skipped.Add(secret.Name);
                continue;
            }

            var next = now.AddDays(evaluator.PeriodDays(secret));
            store.Set(secret.Name, SecretGenerator.Generate(secret.Generation, secret.Name), SecretSource.Generated, now, next);
            store.TrimHistory(secret.Name, Math.Max(1, _options.RetiredVersionsKept));
            var metadata = store.GetMetadata(secret.Name);
            rotated.Add(new RotatedSecret(secret.Name, metadata.Version, metadata.NextRotation ?? next));
        }

        _options.Progress?.Report(new SecretsProgress(selected.Count, selected.Count));
        if (rotated.Count == 0)
        {
            return Result(paths) with { Skipped = skipped.ToImmutable() };
        }

        store.Save();
        if (_options.WriteOutputs)
        {
            foreign.MoveAside(paths.SecretsDirectory, _options.ReplaceForeignOutputs, now, _diagnostics);
        }

        var outputs = _options.WriteOutputs
            ? OutputWriter.Write(schema, store, workspace.Directory, now)
            : ImmutableArray<string>.Empty;
        var events = rotated.Select(r => LifecycleAudit.ForSecret(store, r.Name, AuditEventKind.Rotated, _options.Trigger, _options.Clock)).ToList();
        if (_options.WriteOutputs)
        {
            events.Add(AuditEvent.Now(AuditEventKind.Exported, _options.Trigger, _options.Clock));
        }

        LifecycleAudit.Record(store, events);
        opened.Remember(now);
        return Result(paths) with { Rotated = rotated.ToImmutable(), Skipped = skipped.ToImmutable(), Outputs = outputs };
    }

    private RotateResult Result(StorePaths? paths = null) => new()
    {
        Diagnostics = [.. _diagnostics],
        StorePath = paths?.StorePath ?? string.Empty,
    };
}
