using System.CommandLine;
using System.Globalization;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Tool.Cli;

/// <summary>
/// Turns the common options into <see cref="ToolSettings"/> with the build's precedence: an option
/// (an MSBuild property) first, then the environment variable the build's .props reads, then the default.
/// </summary>
internal static class SettingsResolver
{
    public static ToolSettings Resolve(ParseResult parse, SchemaNeed need, List<SecretsDiagnostic> diagnostics)
    {
        var variables = new Dictionary<string, string>(EnvironmentSnapshot.FromProcess());
        var environment = FirstNonEmpty(parse.GetValue(CommonOptions.Environment), Variable(variables, "SECRETS_ENVIRONMENT"))?.Trim() ?? "development";
        var start = StartDirectory(parse.GetValue(CommonOptions.Project));
        var debug = parse.GetValue(CommonOptions.Debug) || Variable(variables, "SECRETS_DEBUG") is "1" or "true" or "True";

        string? schema = null;
        if (parse.GetValue(CommonOptions.Schema) is { Length: > 0 } given)
        {
            schema = Path.GetFullPath(given);
            if (!File.Exists(schema))
            {
                diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.SchemaFileNotFound,
                    $"--schema is '{schema}', which does not exist.",
                    "Correct the path, or leave --schema out to use the nearest secrets.schema.json.",
                    SourceLocation.ForFile(schema)));
            }
        }
        else if (need != SchemaNeed.NotSearched)
        {
            schema = SchemaLocator.Find(start, diagnostics);
            if (schema is null && need == SchemaNeed.Required && diagnostics.Count == 0)
            {
                diagnostics.Add(SchemaLocator.NotFound(start));
            }
        }

        // Relative paths from variables are relative to the project folder, as MSBuild resolves them.
        var workspace = parse.GetValue(CommonOptions.Workspace) is { Length: > 0 } w ? Path.GetFullPath(w)
            : Variable(variables, "SECRETS_WORKSPACE_PATH") is { } v ? Path.GetFullPath(v, start) : null;
        var keyDirectory = parse.GetValue(CommonOptions.KeyDirectory) is { Length: > 0 } k ? Path.GetFullPath(k)
            : Variable(variables, KeyVariables.KeyDirectory) is { } kv ? Path.GetFullPath(kv, start) : null;

        var rotationDays = ParseRotationDays(FirstNonEmpty(parse.GetValue(CommonOptions.RotationDays), Variable(variables, "SECRET_ROTATION_DAYS")), diagnostics);
        AddIdentity(parse.GetValue(CommonOptions.Identity), environment, variables, diagnostics);

        // The environment variable for the minimum is read by Core, from the same variables as the build.
        var trust = new TrustOptions
        {
            AcceptRollback = parse.GetValue(CommonOptions.AcceptRollback),
            MinimumGeneration = parse.GetValue(CommonOptions.MinimumGeneration),
        };
        return new ToolSettings(schema, workspace, environment, keyDirectory, rotationDays, variables, start, debug, trust);
    }

    private static string StartDirectory(string? project)
    {
        if (string.IsNullOrWhiteSpace(project))
        {
            return Directory.GetCurrentDirectory();
        }

        var full = Path.GetFullPath(project);
        return File.Exists(full) ? Path.GetDirectoryName(full)! : full;
    }

    private static int? ParseRotationDays(string? text, List<SecretsDiagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
        {
            return days;
        }

        diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.InvalidBuildProperty,
            $"--rotation-days (or SECRET_ROTATION_DAYS) is '{text}', which is not a whole number of days.",
            "Set it to a positive whole number such as 90, or leave it out to use the schema's rotation policies."));
        return null;
    }

    // The identity's text goes where a build server would put it: SECRETS_BUILD_IDENTITY_<ENV>.
    private static void AddIdentity(string? file, string environment, Dictionary<string, string> variables, List<SecretsDiagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        var path = Path.GetFullPath(file);
        try
        {
            variables[IdentityVariables.IdentityFor(environment)] = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The exception names the file and the reason; it never holds the file's content.
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ToolInputUnreadable,
                $"The identity file '{path}' cannot be read: {ex.Message}",
                "Check the path and that the file is readable by you (mode 600).",
                SourceLocation.ForFile(path)));
        }
    }

    private static string? Variable(IReadOnlyDictionary<string, string> variables, string name) =>
        variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
