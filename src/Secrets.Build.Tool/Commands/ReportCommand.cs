using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Store;
using Secrets.Build.Tool.Cli;
using Spectre.Console;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>report [--min-score N] [--format json|md|sarif]</c>: the compliance report.</summary>
internal static class ReportCommand
{
    private static readonly Option<int?> MinimumScore = new("--min-score") { Description = "Fail (exit 1, SECB600) below this score (SecretsMinimumScore)." };

    private static readonly Option<string?> Format = new("--format")
    {
        Description = "Print the written report in this format instead of the summary table.",
    };

    public static Command Create()
    {
        Format.AcceptOnlyFromAmong("json", "md", "sarif");
        var command = new Command("report", "Scores the environment against the thirteen compliance checks and writes secrets/.env.<env>.compliance.json, .md and .sarif.")
        {
            MinimumScore,
            Format,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var result = new SecretsManager().GenerateComplianceReport(
                context.Settings.Apply(new ReportOptions { SchemaPath = context.Settings.Schema, MinimumScore = context.Value(MinimumScore) }, "report"), cancellationToken);
            context.Report(result.Diagnostics);
            if (result.Checks.IsDefaultOrEmpty)
            {
                return ExitCodes.Error;
            }

            if (context.Value(Format) is { } format)
            {
                var secrets = Path.Combine(context.Settings.Workspace, StorePaths.SecretsFolderName);
                var environment = context.Settings.EnvironmentLower;
                var path = format switch
                {
                    "json" => ReportPaths.Json(secrets, environment),
                    "md" => ReportPaths.Markdown(secrets, environment),
                    _ => ReportPaths.Sarif(secrets, environment),
                };
                await Console.Out.WriteAsync(await File.ReadAllTextAsync(path, cancellationToken));
                return ExitCodes.Success;
            }

            context.Output.Line($"'{result.Environment}': score {result.Score}/100. {result.Summary}");
            var table = context.Output.NewTable("CHECK", "STATUS", "SEVERITY", "TITLE", "EVIDENCE");
            foreach (var check in result.Checks)
            {
                var color = check.Status switch
                {
                    ComplianceStatus.Pass => Color.Green,
                    ComplianceStatus.Warn => Color.Yellow,
                    ComplianceStatus.Fail => Color.Red,
                    _ => (Color?)null,
                };
                table.AddRow(
                    context.Output.Cell(check.Id),
                    context.Output.Cell(check.Status.ToString().ToLowerInvariant(), color),
                    context.Output.Cell(check.Severity.ToString().ToLowerInvariant()),
                    context.Output.Cell(check.Title),
                    context.Output.Cell(check.Evidence));
            }

            context.Output.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
