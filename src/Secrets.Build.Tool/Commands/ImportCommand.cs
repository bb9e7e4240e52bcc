using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Import;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>import &lt;file&gt; [--overwrite]</c>: adopts a hand-kept .env's values for the declared names.</summary>
internal static class ImportCommand
{
    private static readonly Argument<string> File = new("file") { Description = "The .env file to read; it is never changed." };

    private static readonly Option<bool> Overwrite = new("--overwrite") { Description = "Replace stored values that differ (the old ones are retired, not lost)." };

    public static Command Create()
    {
        var command = new Command("import", "Adopts the values of an existing .env for the names the schema declares; weak values are marked due for rotation.")
        {
            File,
            Overwrite,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, (context, cancellationToken) =>
            RunAsync(context, Path.GetFullPath(context.Value(File)!), sourceText: null, context.Value(Overwrite), cancellationToken));
        return command;
    }

    /// <summary>
    /// Imports <paramref name="source"/> and prints what happened; init --from uses it too, passing
    /// the file's <paramref name="sourceText"/> it has read already (null reads the file).
    /// </summary>
    public static async Task<int> RunAsync(CommandContext context, string source, string? sourceText, bool overwrite, CancellationToken cancellationToken)
    {
        var result = await context.Output.WithProgressAsync("Importing", progress => new SecretsManager().Import(
            context.Settings.Apply(new ImportOptions { SchemaPath = context.Settings.Schema, SourcePath = source, SourceText = sourceText, Overwrite = overwrite, Progress = progress }, "import"), cancellationToken));
        context.Report(result.Diagnostics);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }

        context.Output.Line($"'{context.Settings.EnvironmentLower}': {result.Imported.Length} imported, {result.Unchanged.Length} unchanged, {result.NotInSchema.Length} not in the schema, {result.Weak.Length} weak (due for rotation).");
        Names(context, "Imported", result.Imported);
        Names(context, "Not in the schema", result.NotInSchema);
        Names(context, "Weak", result.Weak);
        return ExitCodes.Success;
    }

    private static void Names(CommandContext context, string label, IReadOnlyCollection<string> names)
    {
        if (names.Count > 0)
        {
            context.Output.Line($"  {label}: {string.Join(", ", names)}");
        }
    }
}
