using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Import;

/// <summary>
/// Adopting values from an existing <c>.env</c> file (migration from a hand-kept one); the
/// <c>ImportSecrets</c> target fills it from <c>-p:SecretsImportFrom=.env</c>.
/// </summary>
public sealed record ImportOptions : LifecycleOptions
{
    /// <summary>The <c>.env</c> file to read. It is only ever read, never changed.</summary>
    public required string SourcePath { get; init; }

    /// <summary>
    /// The text of <see cref="SourcePath"/> when the caller has already read it (<c>secrets-build init --from</c>
    /// builds the schema from it), so the file is not read a second time; null reads the file.
    /// The file's existence and size are still checked: a missing or oversized file is refused whoever read it.
    /// The text is parsed and its warnings reported as if the file had been read: init leaves them to the import.
    /// </summary>
    internal string? SourceText { get; init; }

    /// <summary>
    /// Whether an imported value may replace a different value already in the store. The value it
    /// replaces is retired, still readable with <see cref="SecretsManager.GetPreviousValues"/>.
    /// Without it such a name is an error (SECB514) and nothing is imported.
    /// </summary>
    public bool Overwrite { get; init; }

    /// <summary>Whether to rewrite <c>.env</c>, compose override and Kubernetes manifest afterwards.</summary>
    public bool WriteOutputs { get; init; } = true;

    /// <summary>
    /// Reported before each line of the source file with how many are done and the total, then once more when all
    /// are (Completed equals Total), before the store is saved. It runs on the operation's thread
    /// under the environment's lock, so it must be quick. Null reports nothing.
    /// </summary>
    public IProgress<SecretsProgress>? Progress { get; init; }
}
