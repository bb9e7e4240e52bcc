using Secrets.Build.Core.Maintenance;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>A throwaway workspace with the reference schema, plus the options and readers hardening tests share.</summary>
internal sealed class HardeningWorkspace : IDisposable
{
    private readonly TempWorkspace _inner = new();

    public string Root => _inner.Root;

    public string Workspace => _inner.Workspace;

    public string KeyDirectory => _inner.KeyDirectory;

    public string SchemaPath => _inner.SchemaPath;

    public string SecretsDirectory => Path.Combine(Workspace, "secrets");

    public string PathOf(string relative) => _inner.Path_(relative);

    public ProvisionOptions Options(string environment = "development", Dictionary<string, string>? variables = null) => new()
    {
        SchemaPath = SchemaPath,
        Environment = environment,
        KeyDirectory = KeyDirectory,
        EnvironmentVariables = variables ?? new Dictionary<string, string>(),
    };

    public PermissionOptions PermissionOptions() => new()
    {
        WorkspacePath = Workspace,
        KeyDirectory = KeyDirectory,
        EnvironmentVariables = new Dictionary<string, string>(),
    };

    public ProvisionResult Provision(string environment = "development", Dictionary<string, string>? variables = null)
    {
        var result = new SecretsManager().Provision(Options(environment, variables));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    /// <summary>The values of the written <c>.env.&lt;env&gt;</c>.</summary>
    public Dictionary<string, string> EnvValues(string environment = "development") =>
        EnvFileParser.Parse(File.ReadAllText(PathOf(".env." + environment)), null).Entries.ToDictionary(e => e.Name, e => e.Value);

    /// <summary>Every file (lock files aside) with its bytes.</summary>
    public Dictionary<string, byte[]> Snapshot() => _inner.Snapshot();

    public void Dispose() => _inner.Dispose();
}
