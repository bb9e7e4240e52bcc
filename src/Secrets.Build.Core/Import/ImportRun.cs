using System.Collections.Immutable;
using System.Globalization;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Import;

/// <summary>
/// One import: read the source <c>.env</c> (never written), adopt values for declared names,
/// flag weak ones as due, and refuse to replace a different stored value unless asked. All or
/// nothing: any error leaves store, outputs and trail as they were.
/// </summary>
internal sealed class ImportRun
{
    /// <summary>No real .env file comes near this; a bigger one is refused before it is read.</summary>
    public const long MaxSourceBytes = 16L * 1024 * 1024;

    private readonly ImportOptions _options;
    private readonly IReadOnlyDictionary<string, int> _categoryOverrides;
    private readonly List<SecretsDiagnostic> _diagnostics = [];
    private readonly ImmutableArray<string>.Builder _imported = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _unchanged = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _notInSchema = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _weak = ImmutableArray.CreateBuilder<string>();
    private readonly ImmutableArray<string>.Builder _conflicts = ImmutableArray.CreateBuilder<string>();

    public ImportRun(ImportOptions options, IReadOnlyDictionary<string, int> categoryOverrides)
    {
        _options = options;
        _categoryOverrides = categoryOverrides;
    }

    public ImportResult Execute(CancellationToken cancellationToken)
    {
        if (LifecycleWorkspace.Load(_options, "import into", _diagnostics, requireStore: false) is not { } workspace)
        {
            return Result();
        }

        try
        {
            if (ReadSource() is not { } entries)
            {
                return Result(workspace.Paths);
            }

            return Import(workspace, entries, cancellationToken);
        }
        catch (SecretsException exception)
        {
            _diagnostics.AddRange(exception.Diagnostics);
            return Result(workspace.Paths);
        }
    }

    private ImmutableArray<EnvFileEntry>? ReadSource()
    {
        var path = Path.GetFullPath(_options.SourcePath);
        var location = SourceLocation.ForFile(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ImportFileUnreadable,
                    $"The file to import, '{path}', does not exist.",
                    "Point SecretsImportFrom at the existing .env file (relative paths start at the project folder).", location));
                return null;
            }

            if (info.Length > MaxSourceBytes)
            {
                _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ImportFileTooLarge,
                    $"'{path}' is {info.Length.ToString(CultureInfo.InvariantCulture)} bytes; files over {MaxSourceBytes / (1024 * 1024)} MiB are not read, no .env file is that large.",
                    "Check that SecretsImportFrom points at the .env file and not at another file.", location));
                return null;
            }

            text = _options.SourceText ?? File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ImportFileUnreadable,
                $"'{path}' could not be read: {exception.Message}",
                "Give the user running the build read access to it.", location));
            return null;
        }

        var parsed = EnvFileParser.Parse(text, path);
        _diagnostics.AddRange(parsed.Diagnostics);
        return parsed.Succeeded ? parsed.Entries : null;
    }

    private ImportResult Import(LifecycleWorkspace workspace, ImmutableArray<EnvFileEntry> entries, CancellationToken cancellationToken)
    {
        var (schema, paths) = (workspace.Schema, workspace.Paths);
        var source = Path.GetFullPath(_options.SourcePath);
        var variables = _options.EnvironmentVariables ?? EnvironmentSnapshot.FromProcess();
        var evaluator = new RotationPolicyEvaluator(schema, _options.RotationDaysOverride, _categoryOverrides);
        var declared = schema.Secrets.ToDictionary(s => s.Name, StringComparer.Ordinal);

        using var workspaceLock = WorkspaceLock.Acquire(paths.LockPath, cancellationToken);
        // Read under the lock, after any earlier writer finished, so stored times only move forward.
        var now = _options.Clock.GetUtcNow();
        // The file being imported may itself be the foreign .env.<env>: importing adopts it, so it
        // is moved to secrets/backup/ instead of refused. Any other foreign output is refused
        // before the store (or a new key) is created.
        var foreign = ForeignOutputs.Find(workspace.Directory, paths.Environment, adopted: source);
        if (_options.WriteOutputs)
        {
            foreign.Refuse(_options.ReplaceForeignOutputs, _diagnostics);
            if (_diagnostics.Any(d => d.Severity == SecretsSeverity.Error))
            {
                return Result(paths);
            }
        }

        using var opened = StoreOpener.Open(paths, workspace.Directory, _options.KeyDirectory, variables, mayCreate: true, _diagnostics, _options.Trust, _options.KmsSettings(variables));
        using var store = opened.Store;
        for (var index = 0; index < entries.Length; index++)
        {
            // Reported before each line (the first report gives the total) and once after the last.
            _options.Progress?.Report(new SecretsProgress(index, entries.Length));
            var entry = entries[index];
            var location = new SourceLocation(source, entry.Line, 1, entry.Line, 1, 0, 0);
            if (!declared.TryGetValue(entry.Name, out var secret))
            {
                _notInSchema.Add(entry.Name);
                _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.ImportNotInSchema,
                    $"{entry.Name} is not declared in the schema; it was not imported.",
                    $"Declare {entry.Name} in {Path.GetFileName(schema.SourcePath)} and import again, or leave it out if it is not a secret.", location));
                continue;
            }

            if (entry.Value.Length == 0)
            {
                _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.ImportEmptyValue,
                    $"{entry.Name} is empty in the imported file; it was not imported.",
                    secret.IsExternal ? $"Set the environment variable {entry.Name} and build to capture it." : "Build to generate it.", location));
                continue;
            }

            Adopt(store, secret, entry, location, evaluator, now, schema.MinimumEntropyBits);
        }

        _options.Progress?.Report(new SecretsProgress(entries.Length, entries.Length));

        if (_diagnostics.Any(d => d.Severity == SecretsSeverity.Error) || _imported.Count == 0)
        {
            // All or nothing: a conflict anywhere leaves every file as it was.
            return Result(paths);
        }

        store.Save();
        if (_options.WriteOutputs)
        {
            foreign.MoveAside(paths.SecretsDirectory, _options.ReplaceForeignOutputs, now, _diagnostics);
        }

        var outputs = _options.WriteOutputs
            ? OutputWriter.Write(schema, store, workspace.Directory, now)
            : ImmutableArray<string>.Empty;
        var events = _imported.Select(name => LifecycleAudit.ForSecret(store, name, AuditEventKind.Imported, _options.Trigger, _options.Clock)).ToList();
        if (_options.WriteOutputs)
        {
            events.Add(AuditEvent.Now(AuditEventKind.Exported, _options.Trigger, _options.Clock));
        }

        LifecycleAudit.Record(store, events);
        opened.Remember(now);
        return Result(paths) with { Outputs = outputs };
    }

    private void Adopt(SecretStore store, SecretDefinition secret, EnvFileEntry entry, SourceLocation location, RotationPolicyEvaluator evaluator, DateTimeOffset now, int schemaMinimumBits)
    {
        if (store.Contains(secret.Name))
        {
            if (string.Equals(store.Reveal(secret.Name), entry.Value, StringComparison.Ordinal))
            {
                _unchanged.Add(secret.Name);
                return;
            }

            if (!_options.Overwrite)
            {
                _conflicts.Add(secret.Name);
                _diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ImportWouldOverwrite,
                    $"The {store.Environment} store already holds a different value for {secret.Name}; nothing was imported.",
                    "Leave it out of the file to keep the stored value, or import with overwrite (-p:SecretsImportOverwrite=true): the stored value is then retired, not lost.", location));
                return;
            }
        }

        var weak = IsWeak(secret, entry.Value, schemaMinimumBits, out var estimate, out var minimum);
        var next = weak ? now : now.AddDays(evaluator.PeriodDays(secret));
        store.Set(secret.Name, entry.Value, SecretSource.Imported, now, next);
        store.TrimHistory(secret.Name, PreviousValues.DefaultRetiredVersionsKept);
        _imported.Add(secret.Name);
        if (weak)
        {
            _weak.Add(secret.Name);
            _diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.ImportWeakValue,
                $"The imported value of {secret.Name} is weaker than its rule (about {estimate:F0} bits, the rule needs {minimum}); it was kept and is due for rotation now.",
                $"Rotate it once the services that use it can take a new value: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={secret.Name}", location));
        }
    }

    private static bool IsWeak(SecretDefinition secret, string value, int schemaMinimumBits, out double estimate, out int minimum)
    {
        estimate = EntropyEstimate.Bits(value, secret.Generation.Alphabet);
        minimum = 0;
        if (secret.IsExternal)
        {
            // A provider-issued value: its strength is the provider's business, not the schema's.
            return false;
        }

        minimum = secret.Generation.MinimumEntropyBits ?? schemaMinimumBits;
        return estimate < minimum;
    }

    private ImportResult Result(StorePaths? paths = null) => new()
    {
        Diagnostics = [.. _diagnostics],
        Imported = _imported.ToImmutable(),
        Unchanged = _unchanged.ToImmutable(),
        NotInSchema = _notInSchema.ToImmutable(),
        Weak = _weak.ToImmutable(),
        Conflicts = _conflicts.ToImmutable(),
        StorePath = paths?.StorePath ?? string.Empty,
    };
}
