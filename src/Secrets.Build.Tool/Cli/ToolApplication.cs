using System.CommandLine;
using Secrets.Build.Tool.Commands;

namespace Secrets.Build.Tool.Cli;

/// <summary>Builds the command tree and runs one command line, mapping parse errors to exit code 2.</summary>
internal static class ToolApplication
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("secrets-build: inventory, lifecycle and running a process with the secrets of a Secrets.Build workspace.");
        foreach (var option in CommonOptions.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(GetCommand.Create());
        root.Subcommands.Add(ProvisionCommand.Create());
        root.Subcommands.Add(RotateCommand.Create());
        root.Subcommands.Add(RotateKeyCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(RegenerateCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(RecipientsCommand.Create());
        root.Subcommands.Add(KmsCommand.Create());
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // System.CommandLine would exit 1 here; scripts must tell a typo from a failed operation.
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"secrets-build: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'secrets-build --help' for the commands and options.");
            return ExitCodes.Usage;
        }

        // 'run' hands SIGINT and SIGTERM to its child and waits for it however long it takes to end;
        // System.CommandLine's own handler would end the tool 2 s after a Ctrl+C and orphan the child.
        var configuration = new InvocationConfiguration();
        if (parsed.CommandResult.Command.Name == RunCommand.Name)
        {
            configuration.ProcessTerminationTimeout = null;
        }

        return await parsed.InvokeAsync(configuration);
    }
}
