using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Generation;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Provisioning;

/// <summary>What reconciling the store with the schema changed.</summary>
internal sealed record ReconcileOutcome(ImmutableArray<string> Generated, ImmutableArray<string> Captured);

/// <summary>
/// Brings a store in line with the schema: generates what is missing (when allowed) and captures
/// external values from the environment. An existing value is never replaced here: rotation is
/// a separate, explicit operation.
/// </summary>
internal sealed class SecretReconciler
{
    private readonly SecretsSchema _schema;
    private readonly RotationPolicyEvaluator _rotation;
    private readonly IReadOnlyDictionary<string, string> _variables;
    private readonly bool _generate;
    private readonly bool _requireExternal;

    public SecretReconciler(SecretsSchema schema, RotationPolicyEvaluator rotation, IReadOnlyDictionary<string, string> variables, bool generate, bool requireExternal)
    {
        _schema = schema;
        _rotation = rotation;
        _variables = variables;
        _generate = generate;
        _requireExternal = requireExternal;
    }

    public ReconcileOutcome Reconcile(SecretStore store, DateTimeOffset now, List<SecretsDiagnostic> diagnostics)
    {
        var generated = ImmutableArray.CreateBuilder<string>();
        var captured = ImmutableArray.CreateBuilder<string>();
        foreach (var secret in _schema.Secrets)
        {
            if (secret.IsExternal)
            {
                if (CaptureExternal(store, secret, now, diagnostics))
                {
                    captured.Add(secret.Name);
                }
            }
            else if (!store.Contains(secret.Name))
            {
                if (!_generate)
                {
                    diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.MissingSecretGenerationOff,
                        $"{secret.Name} is declared in the schema but missing from the {store.Environment} store, and generation is off here.",
                        "Build once where generation is on (a developer machine, or -p:SecretsGenerate=true) and commit the store and metadata.",
                        secret.Location));
                    continue;
                }

                store.Set(secret.Name, SecretGenerator.Generate(secret.Generation, secret.Name), SecretSource.Generated, now, DueDate(secret, now));
                generated.Add(secret.Name);
            }
        }

        var declared = new HashSet<string>(_schema.Secrets.Select(s => s.Name), StringComparer.Ordinal);
        foreach (var name in store.Names.Where(n => !declared.Contains(n)))
        {
            diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.OrphanedSecret,
                $"The {store.Environment} store holds {name}, which the schema no longer declares; it is kept but not written to the outputs.",
                "Declare it again in the schema, or leave it: the value stays recoverable in the store.",
                SourceLocation.ForFile(_schema.SourcePath)));
        }

        return new ReconcileOutcome(generated.ToImmutable(), captured.ToImmutable());
    }

    // Only for a value being set: a build that decrypts 10,000 existing values sets none of them.
    private DateTimeOffset DueDate(SecretDefinition secret, DateTimeOffset now) => now.AddDays(_rotation.PeriodDays(secret));

    /// <summary>
    /// External values come from the build's environment variable of the same name, and are
    /// captured again whenever that variable changes.
    /// </summary>
    private bool CaptureExternal(SecretStore store, SecretDefinition secret, DateTimeOffset now, List<SecretsDiagnostic> diagnostics)
    {
        if (_variables.TryGetValue(secret.Name, out var value) && value.Length > 0)
        {
            if (!CheckType(secret, value, $"the environment variable {secret.Name}", store.Environment, diagnostics))
            {
                return false;
            }

            return store.Set(secret.Name, value, SecretSource.External, now, DueDate(secret, now)) != SetOutcome.Unchanged;
        }

        if (store.Contains(secret.Name) && store.Reveal(secret.Name) is { Length: > 0 } stored)
        {
            // Captured on an earlier build; the variable need not be set on every build.
            CheckType(secret, stored, $"the {store.Environment} store (captured earlier)", store.Environment, diagnostics);
            return false;
        }

        if (_requireExternal)
        {
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ExternalRequired,
                $"{secret.Name} is an external secret, supplied by you and never generated, with no value in the {store.Environment} store and none in the environment variable {secret.Name}.",
                $"Set the environment variable {secret.Name} for this build (on a build server: a secret variable).",
                secret.Location));
            return false;
        }

        diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.ExternalMissing,
            $"{secret.Name} is an external secret, supplied by you and never generated, with no value yet; it is written empty to the {store.Environment} outputs.",
            $"Set the environment variable {secret.Name} and build again to capture it.",
            secret.Location));
        if (!store.Contains(secret.Name))
        {
            store.Set(secret.Name, string.Empty, SecretSource.External, now, null);
        }

        return false;
    }

    /// <summary>
    /// SECB287 when an external value does not read as its declared type: an error where externals
    /// are required (production; the value is then not captured), a warning elsewhere. Names the
    /// secret and where the value came from, never the value.
    /// </summary>
    private bool CheckType(SecretDefinition secret, string value, string source, string environment, List<SecretsDiagnostic> diagnostics)
    {
        if (ExternalValueCheck.Expected(secret.Type, value) is not { } expected)
        {
            return true;
        }

        var type = secret.Type.ToString().ToLowerInvariant();
        var message = $"{secret.Name} is declared \"type\": \"{type}\", but its value from {source} is not {expected}; reading AppSecrets.{secret.PropertyName} would fail at run time ('{environment}').";
        var fix = $"Set the environment variable {secret.Name} to {expected} and build again.";
        diagnostics.Add(_requireExternal
            ? SecretsDiagnostic.Error(DiagnosticCodes.ExternalValueInvalid, message, fix, secret.Location)
            : SecretsDiagnostic.Warning(DiagnosticCodes.ExternalValueInvalid, message, fix, secret.Location));
        return !_requireExternal;
    }
}
