using System.CommandLine;

namespace Secrets.Build.Tool.Cli;

/// <summary>
/// The options every command takes. They mirror the build's MSBuild properties (in brackets) and
/// fall back to the same environment variables, so the tool and <c>dotnet build</c> find the same
/// schema, workspace, environment and keys.
/// </summary>
internal static class CommonOptions
{
    public static readonly Option<string?> Environment = new("--env", "-e")
    {
        Description = "The environment (SecretsEnvironment; default: $SECRETS_ENVIRONMENT, else development).",
        Recursive = true,
    };

    public static readonly Option<string?> Project = new("--project", "-p")
    {
        Description = "A project file or folder to start looking for secrets.schema.json from (default: the current folder).",
        Recursive = true,
    };

    public static readonly Option<string?> Schema = new("--schema")
    {
        Description = "The secrets.schema.json to use (SecretsSchemaFile; default: the nearest at or above the project folder).",
        Recursive = true,
    };

    public static readonly Option<string?> Workspace = new("--workspace")
    {
        Description = "Where secrets/ and the outputs live (SecretsWorkspace; default: $SECRETS_WORKSPACE_PATH, else the schema's folder).",
        Recursive = true,
    };

    public static readonly Option<string?> KeyDirectory = new("--key-dir")
    {
        Description = "Where key and identity files live (SecretsKeyDirectory; default: $SECRETS_BUILD_KEY_DIR, else the per-user config folder).",
        Recursive = true,
    };

    public static readonly Option<string?> Identity = new("--identity")
    {
        Description = "An age identity file that opens the store (as $SECRETS_BUILD_IDENTITY_<ENV> would hold it).",
        Recursive = true,
    };

    public static readonly Option<string?> RotationDays = new("--rotation-days")
    {
        Description = "Days that override every category's rotation period (SecretsRotationDays; default: $SECRET_ROTATION_DAYS).",
        Recursive = true,
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Print the settings found and stack traces of unexpected failures (SecretsDebug; default: $SECRETS_DEBUG). Never a value.",
        Recursive = true,
    };

    public static readonly Option<string?> AcceptRollback = new("--accept-rollback")
    {
        HelpName = "env",
        Description = "The environment's name, typed again, to accept an older generation (SECB700) or another store (SECB701) for this run (SecretsAcceptRollback). Written to the audit trail.",
        Recursive = true,
    };

    // Text, not a number: Core checks it and SECRETS_BUILD_MIN_GENERATION_<ENV> the same way (SECB706).
    public static readonly Option<string?> MinimumGeneration = new("--min-generation")
    {
        HelpName = "N",
        Description = "The lowest store generation to accept (SecretsMinimumGeneration; also $SECRETS_BUILD_MIN_GENERATION_<ENV>; the higher one holds).",
        Recursive = true,
    };

    public static IReadOnlyList<Option> All { get; } = [Environment, Project, Schema, Workspace, KeyDirectory, Identity, RotationDays, AcceptRollback, MinimumGeneration, Debug];
}
