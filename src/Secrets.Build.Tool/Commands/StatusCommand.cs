using System.CommandLine;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Tool.Cli;
using Secrets.Build.Tool.Status;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>status</c>: the environment's inventory. Needs no key and never shows a value.</summary>
internal static class StatusCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "The same facts as JSON, for scripts." };

    public static Command Create()
    {
        var command = new Command("status", "Lists every secret: category, type, source, version, rotation dates, services; the store's key ids and whether the outputs are current. Never a value.")
        {
            Json,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var diagnostics = new List<SecretsDiagnostic>();
            var model = StatusReader.Read(context.Settings, diagnostics, cancellationToken);
            context.Report(diagnostics);
            if (model is null)
            {
                return ExitCodes.Error;
            }

            if (context.Value(Json))
            {
                using var stdout = Console.OpenStandardOutput();
                StatusJson.Write(stdout, model);
            }
            else
            {
                StatusTable.Write(context.Output, model, DateTimeOffset.UtcNow);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
