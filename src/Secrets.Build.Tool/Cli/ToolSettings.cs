using Secrets.Build.Core.Trust;
using Secrets.Build.Core;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Tool.Cli;

/// <summary>Where one command works, resolved once from the options and environment variables.</summary>
/// <param name="SchemaPath">The schema's full path; null when none was found (only init and doctor go on without one).</param>
/// <param name="WorkspacePath">The workspace's full path: the option, the variable, else the schema's folder.</param>
/// <param name="Environment">The environment as given, trimmed.</param>
/// <param name="KeyDirectory">The key folder's full path, or null for the per-user default.</param>
/// <param name="RotationDays">The rotation-period override, or null.</param>
/// <param name="Variables">The process's variables, plus an identity given with --identity.</param>
/// <param name="StartDirectory">The folder the schema search started from.</param>
/// <param name="Debug">Whether to print settings and stack traces.</param>
/// <param name="Trust">--accept-rollback and --min-generation, for every operation that opens a store.</param>
internal sealed record ToolSettings(
    string? SchemaPath,
    string? WorkspacePath,
    string Environment,
    string? KeyDirectory,
    int? RotationDays,
    IReadOnlyDictionary<string, string> Variables,
    string StartDirectory,
    bool Debug,
    TrustOptions Trust)
{
    /// <summary>The schema path for commands that need one (checked by the command runner first).</summary>
    public string Schema => SchemaPath ?? throw new InvalidOperationException("No schema was resolved.");

    /// <summary>The workspace folder for commands that need one.</summary>
    public string Workspace => WorkspacePath ?? Path.GetDirectoryName(Schema)!;

    /// <summary>The lower-case environment name files are named after.</summary>
    public string EnvironmentLower => Environment.ToLowerInvariant();

    /// <summary>
    /// Fills what every operation's options share, as the MSBuild tasks do, with a <c>cli:</c>
    /// trigger, and for the operations that read the schema also the rotation override.
    /// </summary>
    public T Apply<T>(T options, string command) where T : OperationOptions
    {
        var common = options with
        {
            WorkspacePath = Workspace,
            Environment = Environment,
            KeyDirectory = KeyDirectory,
            EnvironmentVariables = Variables,
            Trigger = "cli:" + command,
            Trust = Trust,
        };

        // 'with' on the base copies the runtime type, so the cast back always holds.
        return common is LifecycleOptions lifecycle ? (T)(object)(lifecycle with { RotationDaysOverride = RotationDays }) : common;
    }
}
