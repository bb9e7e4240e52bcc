namespace Secrets.Build.Tool.Status;

/// <summary>
/// The inventory of one environment: facts from the schema, the metadata and the store header. Never a value.
/// <see cref="Generation"/> counts the store's changes (0 for a store written before generations existed).
/// </summary>
internal sealed record StatusModel(
    string Environment,
    string SchemaPath,
    string StorePath,
    bool StoreExists,
    int? Generation,
    IReadOnlyList<string> KeyIds,
    IReadOnlyList<OutputState> Outputs,
    IReadOnlyList<SecretRow> Secrets)
{
    /// <summary>current (every output written since the store last changed), stale, missing, or none (no store yet).</summary>
    public string OutputsState =>
        !StoreExists ? "none"
        : Outputs.Any(o => !o.Exists) ? "missing"
        : Outputs.All(o => o.Current) ? "current" : "stale";
}

/// <summary>One plaintext output and whether it was written after the store's last change.</summary>
internal sealed record OutputState(string Path, bool Exists, bool Current);

/// <summary>One declared secret. Source, version and dates are null while the store has no value for it.</summary>
internal sealed record SecretRow(
    string Name,
    string Category,
    string Type,
    string? Source,
    int? Version,
    DateTimeOffset? Rotated,
    DateTimeOffset? Due,
    IReadOnlyList<string> Services);
