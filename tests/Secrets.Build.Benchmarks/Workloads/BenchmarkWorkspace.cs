using Secrets.Build.Core;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Benchmarks.Workloads;

/// <summary>
/// A throwaway folder with a schema, its own key folder and an empty environment, so no key or
/// SECRETS_* variable of the machine running the benchmarks takes part.
/// </summary>
internal sealed class BenchmarkWorkspace : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    private BenchmarkWorkspace(string root) => Root = root;

    public string Root { get; }

    public string Workspace => Path.Combine(Root, "ws");

    public string SchemaPath => Path.Combine(Workspace, "secrets.schema.json");

    public string KeyDirectory => Path.Combine(Root, "keys");

    /// <summary>Creates the folder (a fresh temp folder unless <paramref name="root"/> is given) and writes the schema.</summary>
    public static BenchmarkWorkspace Create(string schemaText, string? root = null)
    {
        var workspace = new BenchmarkWorkspace(root ?? Path.Combine(Path.GetTempPath(), "secb-bench-" + Guid.NewGuid().ToString("N")[..12]));
        Directory.CreateDirectory(workspace.Workspace);
        File.WriteAllText(workspace.SchemaPath, schemaText);
        return workspace;
    }

    /// <summary>Opens an existing workspace that <see cref="Create"/> made earlier (compare.sh prepares once, times later).</summary>
    public static BenchmarkWorkspace Existing(string root) => new(Path.GetFullPath(root));

    public ProvisionOptions Options => new()
    {
        SchemaPath = SchemaPath,
        KeyDirectory = KeyDirectory,
        EnvironmentVariables = NoVariables,
        Trigger = "benchmark",
    };

    /// <summary>Provisions and fails loudly: a benchmark of a run that reported errors measures nothing.</summary>
    public ProvisionResult Provision()
    {
        var result = new SecretsManager().Provision(Options);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Provisioning failed: " + string.Join("; ", result.Diagnostics));
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a benchmark run for.
        }
    }
}
