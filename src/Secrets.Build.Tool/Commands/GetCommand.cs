using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Access;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>get &lt;NAME&gt;</c>: prints one value for a script; records an <c>accessed</c> audit line.</summary>
internal static class GetCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The secret's name, e.g. POSTGRES_PASSWORD." };

    private static readonly Option<bool> Reveal = new("--reveal") { Description = "Print the value even though stdout is a terminal (where others may see it)." };

    public static Command Create()
    {
        var command = new Command("get", "Prints one secret's value for a script, e.g. PGPASSWORD=$(secrets-build get POSTGRES_PASSWORD). Refuses to print on a terminal unless --reveal is given.")
        {
            Name,
            Reveal,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var name = context.Value(Name)!;
            if (context.Output.IsTerminal && !context.Value(Reveal))
            {
                context.Report([SecretsDiagnostic.Error(DiagnosticCodes.RevealNeedsConfirmation,
                    $"Not printing {name} to a terminal, where it would stay on screen and in the scrollback.",
                    "Pipe or capture the output (VALUE=$(secrets-build get NAME)), or add --reveal to print it here.")]);
                return ExitCodes.Error;
            }

            var read = new SecretsManager().ReadValues(
                context.Settings.Apply(new ReadValuesOptions { SchemaPath = context.Settings.Schema, Names = [name] }, "get"), cancellationToken);
            context.Report(read.Diagnostics);
            if (!read.Succeeded)
            {
                return ExitCodes.Error;
            }

            // Written straight to stdout, never through the console renderer (which could wrap or restyle it).
            await Console.Out.WriteLineAsync(read.Values.Single().Value);
            return ExitCodes.Success;
        });
        return command;
    }
}
