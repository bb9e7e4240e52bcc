namespace Secrets.Build.Core.Store;

/// <summary>
/// Where one environment's committed store files live: <c>secrets/.env.&lt;env&gt;.json</c>,
/// <c>secrets/.env.&lt;env&gt;.metadata</c> and the lock file next to them.
/// </summary>
public sealed record StorePaths
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
    public string StorePath => Path.Combine(SecretsDirectory, $".env.{Environment}.json");

    /// <summary>The metadata file, committed.</summary>
    public string MetadataPath => Path.Combine(SecretsDirectory, $".env.{Environment}.metadata");

    /// <summary>The cross-process lock file, never committed.</summary>
    public string LockPath => Path.Combine(SecretsDirectory, $".env.{Environment}.lock");

    /// <summary>
    /// A store written completely but not yet renamed into place, the second half of a
    /// two-file save; see <see cref="SecretStore.Save()"/>. Never committed.
    /// </summary>
    public string PendingStorePath => StorePath + ".pending";

    /// <summary>The paths for <paramref name="environment"/> under a workspace folder.</summary>
    public static StorePaths ForWorkspace(string workspaceDirectory, string environment) =>
        ForSecretsDirectory(Path.Combine(workspaceDirectory, SecretsFolderName), environment);

    /// <summary>The paths for <paramref name="environment"/> in a given <c>secrets/</c> folder.</summary>
    public static StorePaths ForSecretsDirectory(string secretsDirectory, string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secretsDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        return new StorePaths(Path.GetFullPath(secretsDirectory), environment.ToLowerInvariant());
    }
}
