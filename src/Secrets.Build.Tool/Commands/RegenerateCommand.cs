using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Maintenance;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>regenerate --confirm &lt;env&gt;</c>: throws the values away and generates new ones, after a backup.</summary>
internal static class RegenerateCommand
{
    private static readonly Option<string?> Confirm = new("--confirm") { Description = "The environment's name again: regeneration destroys its current values." };

    public static Command Create()
    {
        var command = new Command("regenerate", "Replaces every value of the environment with a new one (the 'Secrets Not Found' fix); backs the old files up to secrets/backup/<time>/ first.")
        {
            Confirm,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var provision = ProvisionCommand.ProvisionOptionsFor(context, generate: true, writeOutputs: true, "regenerate");
            var result = await context.Output.WithStatusAsync("Regenerating", () => new SecretsManager().Regenerate(
                new RegenerateOptions { Provision = provision, Confirm = context.Value(Confirm) }, cancellationToken));
            context.Report(result.Diagnostics);
            if (!result.Succeeded)
            {
                return ExitCodes.Error;
            }

            context.Output.Line($"'{context.Settings.EnvironmentLower}': {result.Provision!.Generated.Length} value(s) generated anew. The old files are in {result.BackupDirectory}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
