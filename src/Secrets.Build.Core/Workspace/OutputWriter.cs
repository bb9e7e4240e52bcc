using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// Writes the plaintext artifacts local tools read: <c>.env.&lt;env&gt;</c>, the docker-compose
/// override and the Kubernetes Secret, each atomically with mode 600, and keeps them in the
/// workspace's <c>.gitignore</c>. Unchanged content is not rewritten, so timestamps stay stable
/// and later incremental steps stay skipped.
/// </summary>
internal static class OutputWriter
{
    /// <param name="schema">The declarations, in the order the files list them.</param>
    /// <param name="store">The opened store.</param>
    /// <param name="workspace">The workspace folder the outputs go to.</param>
    /// <param name="now">The time that decides which replaced values are still within their grace
    /// period; null writes no <c>NAME__PREVIOUS</c> lines.</param>
    /// <param name="previousGracePeriod">How long a replaced value stays in <c>.env.&lt;env&gt;</c>
    /// (Rotation/README.md); <see cref="PreviousValues.DefaultGracePeriod"/> when null.</param>
    public static ImmutableArray<string> Write(SecretsSchema schema, SecretStore store, string workspace, DateTimeOffset? now = null, TimeSpan? previousGracePeriod = null)
    {
        var environment = store.Environment;
        // Plain loops over List<(string, string)>: LINQ and spreads over the tuple instantiate
        // generic code no ReadyToRun image holds, so every build would JIT-compile it.
        var values = new List<(string Name, string Value)>(schema.Secrets.Length);
        foreach (var secret in schema.Secrets)
        {
            if (store.Contains(secret.Name))
            {
                values.Add((secret.Name, store.Reveal(secret.Name)));
            }
        }

        var envFileValues = values;
        if (now is { } time)
        {
            envFileValues = new List<(string Name, string Value)>(values.Count);
            foreach (var value in values)
            {
                envFileValues.Add(value);
            }

            foreach (var previous in PreviousValues.ForOutputs(schema, store, time, previousGracePeriod ?? PreviousValues.DefaultGracePeriod))
            {
                envFileValues.Add(previous);
            }
        }

        // Render everything before writing anything: a value no reader can take fails the
        // run with every file as it was. Each file is rendered straight to UTF-8 and compared
        // with the disk from that buffer; disposing the buffers wipes the values they hold.
        using var envFile = EnvFileRenderer.Render(envFileValues, environment, out var envFileName);
        using var composeOverride = ComposeOverrideRenderer.Render(schema, environment, out var composeFileName);
        using var kubernetesSecret = KubernetesSecretRenderer.Render(schema, values, environment, out var kubernetesFileName);

        var written = ImmutableArray.CreateBuilder<string>(3);
        written.Add(WriteFile(workspace, envFileName, envFile));
        written.Add(WriteFile(workspace, composeFileName, composeOverride));
        written.Add(WriteFile(workspace, kubernetesFileName, kubernetesSecret));

        UpdateGitIgnore(workspace, environment);
        return written.MoveToImmutable();
    }

    private static string WriteFile(string workspace, string fileName, Utf8Output content)
    {
        var path = Path.Combine(workspace, fileName);
        AtomicFile.WriteIfChanged(path, content.Written);
        FileModes.EnsurePrivateFile(path);
        return path;
    }

    private static void UpdateGitIgnore(string workspace, string environment)
    {
        var entries = new List<string>(OutputPaths.PlaintextOutputs(environment));
        entries.AddRange(StorePaths.GitIgnoreEntries(environment));

        // The audit trail is appended by every build on every machine; committed, it would
        // conflict on every merge. It stays local and is verified where it lives.
        entries.Add($"{StorePaths.SecretsFolderName}/.env.{environment}.audit.jsonl");
        entries.Add($"{StorePaths.SecretsFolderName}/.env.{environment}.audit.*.jsonl");
        entries.Add($"{StorePaths.SecretsFolderName}/.env.{environment}.audit.jsonl.lock");

        // The compliance report is regenerated on demand and names this machine's findings;
        // backups hold plaintext outputs (a regeneration's, or a foreign file set aside).
        entries.Add($"{StorePaths.SecretsFolderName}/.env.{environment}.compliance.*");
        entries.Add($"{StorePaths.SecretsFolderName}/{IO.BackupFolder.Name}/");
        GitIgnoreFile.Ensure(workspace, entries);
    }
}
