namespace Secrets.Build.Core.Maintenance;

/// <summary>Which workspace and key folder <see cref="SecretsManager.CheckPermissions"/> and <see cref="SecretsManager.RepairPermissions"/> look at.</summary>
public sealed record PermissionOptions
{
    /// <summary>The folder that holds <c>secrets/</c> and the plaintext outputs.</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>Where key files live; defaults to the same folder provisioning uses (<c>SECRETS_BUILD_KEY_DIR</c>, then the per-user config folder).</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>The environment variables the key folder is found from. Null means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }
}
