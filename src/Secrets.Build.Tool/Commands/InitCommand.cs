using System.CommandLine;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Tool.Cli;
using Secrets.Build.Tool.Init;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>init</c>: writes a secrets.schema.json (empty, from a template, or inferred from a .env and then imported).</summary>
internal static class InitCommand
{
    private static readonly Option<string?> Template = new("--template") { Description = "multimodal-stack: the reference stack's 21 secrets." };

    private static readonly Option<string?> From = new("--from") { Description = "An existing .env: declares its names (categories guessed from the names), then imports its values." };

    public static Command Create()
    {
        Template.AcceptOnlyFromAmong(SchemaTemplates.MultimodalStack);
        var command = new Command("init", "Writes secrets.schema.json in the project folder (the current folder unless --project is given).")
        {
            Template,
            From,
        };
        CommandRunner.SetBody(command, SchemaNeed.NotSearched, async (context, cancellationToken) =>
        {
            var folder = context.Settings.StartDirectory;
            var path = Path.Combine(folder, SchemaLocator.FileName);
            if (File.Exists(path))
            {
                context.Report([SecretsDiagnostic.Error(DiagnosticCodes.SchemaExists,
                    $"{path} exists already; init never replaces it.",
                    "Edit it, or delete it first if you mean to start over (its store in secrets/ stays readable only with the same names).",
                    SourceLocation.ForFile(path))]);
                return ExitCodes.Error;
            }

            if (context.Value(Template) is not null && context.Value(From) is not null)
            {
                context.Report([SecretsDiagnostic.Error(DiagnosticCodes.InvalidBuildProperty,
                    "--template and --from both say what to declare.", "Give one of them.")]);
                return ExitCodes.Error;
            }

            string schema;
            string? source = null;
            string? sourceText = null;
            if (context.Value(From) is { } from)
            {
                source = Path.GetFullPath(from);
                if (ReadEnvFile(context, source) is not { } read)
                {
                    return ExitCodes.Error;
                }

                schema = SchemaTemplates.FromEnvFile(folder, read.Entries);
                sourceText = read.Text;
            }
            else
            {
                schema = context.Value(Template) is null ? SchemaTemplates.Empty(folder) : SchemaTemplates.Multimodal();
            }

            Directory.CreateDirectory(folder);
            AtomicFile.WriteTextIfChanged(path, schema);
            if (FileModes.IsSupported)
            {
                // Atomic writes are private (600); the schema holds no value and is committed: 644.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            context.Output.Line($"Wrote {path}.");
            if (source is null)
            {
                context.Output.Line("Next: declare your secrets in it, then 'secrets-build provision' (or dotnet build) creates them.");
                return ExitCodes.Success;
            }

            var importing = context with { Settings = context.Settings with { SchemaPath = path } };
            // The import takes the text read above: the file is read once.
            return await ImportCommand.RunAsync(importing, source, sourceText, overwrite: false, cancellationToken);
        });
        return command;
    }

    private static (string Text, IReadOnlyList<EnvFileEntry> Entries)? ReadEnvFile(CommandContext context, string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Report([SecretsDiagnostic.Error(DiagnosticCodes.ToolInputUnreadable,
                $"'{path}' cannot be read: {ex.Message}", "Check the path and the file's permissions.", SourceLocation.ForFile(path))]);
            return null;
        }

        var parsed = EnvFileParser.Parse(text, path);
        if (!parsed.Succeeded)
        {
            // The import will not run: the file's errors, and any warnings beside them, are printed here.
            context.Report(parsed.Diagnostics);
            return null;
        }

        // Only warnings, on how values are read: the import parses the same text and reports them, so
        // they print once. An import that stops before it parses (an undeclared --env) imports
        // nothing, and the 'import' run that follows reports them.
        return (text, parsed.Entries);
    }
}
