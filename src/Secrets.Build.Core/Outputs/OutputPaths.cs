using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// The file names of one environment, relative to the workspace, with <c>/</c> separators
/// (which every .NET path API and <c>.gitignore</c> accept). The environment is lower-cased.
/// </summary>
internal static class OutputPaths
{
    /// <summary>The folder that holds the committed, encrypted files.</summary>
    public const string SecretsFolder = StorePaths.SecretsFolderName;

    /// <summary>Plaintext values for docker compose and local tools: <c>.env.&lt;env&gt;</c>. Never committed.</summary>
    public static string EnvFile(string environment) => $".env.{Normalize(environment)}";

    /// <summary>The per-service mapping: <c>docker-compose.&lt;env&gt;.override.yml</c>. Never committed.</summary>
    public static string ComposeOverride(string environment) => $"docker-compose.{Normalize(environment)}.override.yml";

    /// <summary>The Secret manifest: <c>k8s-secrets-&lt;env&gt;.yaml</c>. Never committed (it holds the values).</summary>
    public static string KubernetesSecret(string environment) => $"k8s-secrets-{Normalize(environment)}.yaml";

    /// <summary>The encrypted store: <c>secrets/.env.&lt;env&gt;.json</c>. Committed.</summary>
    public static string Store(string environment) => $"{SecretsFolder}/{StorePaths.StoreFileName(Normalize(environment))}";

    /// <summary>The non-secret facts per secret: <c>secrets/.env.&lt;env&gt;.metadata</c>. Committed.</summary>
    public static string Metadata(string environment) => $"{SecretsFolder}/{StorePaths.MetadataFileName(Normalize(environment))}";

    /// <summary>
    /// The <c>.gitignore</c> entries for the plaintext outputs of an environment. Exact file names,
    /// not <c>.env.*</c>: that pattern would also ignore the committed <c>secrets/.env.&lt;env&gt;.json</c>.
    /// </summary>
    public static ImmutableArray<string> PlaintextOutputs(string environment) =>
        ImmutableArray.Create(EnvFile(environment), ComposeOverride(environment), KubernetesSecret(environment));

    /// <summary>
    /// The lower-cased environment name, checked so that it can only ever name a file in the
    /// workspace (no separators, no <c>..</c>).
    /// </summary>
    /// <exception cref="SecretsException">SECB307 when the name is empty or holds other characters than <c>a-z 0-9 _ -</c>.</exception>
    public static string Normalize(string environment) => EnvironmentName.Normalize(environment);
}
