using System.CommandLine;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Workspace;
using Secrets.Build.Tool.Cli;
using Secrets.Build.Tool.Doctor;
using Spectre.Console;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>doctor</c>: checks a workspace for what a newcomer trips on; each problem with its fix.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "Checks the schema, each environment's key (and where it came from), file modes, the gitignore, that the store is tracked by git, docker compose and kubectl, and the package version of the projects that use it.");
        CommandRunner.SetBody(command, SchemaNeed.Optional, async (context, cancellationToken) =>
        {
            var settings = context.Settings;
            var table = context.Output.NewTable("CHECK", "STATE", "DETAIL");
            if (settings.SchemaPath is null)
            {
                Report(context, table, Finding.Problem("schema", "no secrets.schema.json at, above or below " + settings.StartDirectory,
                    "Run 'secrets-build init' in the workspace folder, or point --schema at the schema.", blocking: true));
                context.Output.Console.Write(table);
                return ExitCodes.Error;
            }

            var loaded = SchemaFile.Load(settings.SchemaPath);
            context.Report(loaded.Diagnostics);
            if (loaded.Schema is not { } schema)
            {
                Report(context, table, Finding.Problem("schema", settings.SchemaPath + " does not parse (see above)", "Fix the errors listed above.", blocking: true));
                context.Output.Console.Write(table);
                return ExitCodes.Error;
            }

            Report(context, table, Finding.Pass("schema", $"{settings.SchemaPath}: {schema.Secrets.Length} secret(s), environments {string.Join(", ", schema.Environments)}"));
            foreach (var finding in DoctorChecks.Run(settings, schema, cancellationToken))
            {
                Report(context, table, finding);
            }

            context.Output.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Report(CommandContext context, Table table, Finding finding)
    {
        table.AddRow(
            context.Output.Cell(finding.Check),
            context.Output.Cell(finding.Ok ? "ok" : "problem", finding.Ok ? Color.Green : finding.Blocking ? Color.Red : Color.Yellow),
            context.Output.Cell(Shortened(finding.Detail)));
        if (!finding.Ok)
        {
            var message = $"doctor: {finding.Check}: {finding.Detail.TrimEnd('.')}.";
            context.Report([finding.Blocking
                ? SecretsDiagnostic.Error(DiagnosticCodes.DoctorFinding, message, finding.Fix)
                : SecretsDiagnostic.Warning(DiagnosticCodes.DoctorFinding, message, finding.Fix)]);
        }
    }

    // The table stays readable; the diagnostic on stderr carries the whole text and the fix.
    private static string Shortened(string detail) => detail.Length <= MaxDetail ? detail : detail[..(MaxDetail - 1)] + "…";

    private const int MaxDetail = 100;
}
