namespace Secrets.Build.Core.Store;

/// <summary>
/// Where one environment's committed store files live: <c>secrets/.env.&lt;env&gt;.json</c>,
/// <c>secrets/.env.&lt;env&gt;.metadata</c> and the lock file next to them.
/// </summary>
internal sealed record StorePaths
{
    private StorePaths(string secretsDirectory, string environment)
    {
        SecretsDirectory = secretsDirectory;
        Environment = environment;
    }

    /// <summary>The folder name inside a workspace.</summary>
    public const string SecretsFolderName = "secrets";

    /// <summary>The <c>secrets/</c> folder.</summary>
    public string SecretsDirectory { get; }

    /// <summary>The lower-case environment name the files are named after.</summary>
    public string Environment { get; }

    /// <summary>The encrypted store, committed.</summary>
    public string StorePath => Path.Combine(SecretsDirectory, StoreFileName(Environment));

    /// <summary>The metadata file, committed.</summary>
    public string MetadataPath => Path.Combine(SecretsDirectory, MetadataFileName(Environment));

    /// <summary>The cross-process lock file, never committed.</summary>
    public string LockPath => Path.Combine(SecretsDirectory, $".env.{Environment}.lock");

    /// <summary>
    /// A store written completely but not yet renamed into place, the second half of a
    /// two-file save; see <see cref="SecretStore.Save()"/>. Never committed.
    /// </summary>
    public string PendingStorePath => StorePath + ".pending";

    /// <summary>
    /// The <c>.gitignore</c> entries (relative to the workspace) for the files next to the store
    /// that must never be committed: the lock file, a pending store left by a crash, and
    /// temporary files of atomic writes.
    /// </summary>
    public static IReadOnlyList<string> GitIgnoreEntries(string environment)
    {
        var env = EnvironmentName.Normalize(environment);
        return [$"{SecretsFolderName}/.env.{env}.lock", $"{SecretsFolderName}/.env.{env}.json.pending", IO.AtomicFile.TempFilePattern];
    }

    /// <summary>The store's file name for a lower-case, checked environment name.</summary>
    internal static string StoreFileName(string environment) => $".env.{environment}.json";

    /// <summary>The metadata's file name for a lower-case, checked environment name.</summary>
    internal static string MetadataFileName(string environment) => $".env.{environment}.metadata";

    /// <summary>The paths for <paramref name="environment"/> under a workspace folder.</summary>
    public static StorePaths ForWorkspace(string workspaceDirectory, string environment) =>
        ForSecretsDirectory(Path.Combine(workspaceDirectory, SecretsFolderName), environment);

    /// <summary>The paths for <paramref name="environment"/> in a given <c>secrets/</c> folder.</summary>
    /// <exception cref="Diagnostics.SecretsException">SECB307 when the environment name cannot be part of a file name.</exception>
    public static StorePaths ForSecretsDirectory(string secretsDirectory, string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretsDirectory);
        // The same check as every output file name: no separators, no "..".
        return new StorePaths(Path.GetFullPath(secretsDirectory), EnvironmentName.Normalize(environment));
    }
}
