using System.CommandLine;
using System.ComponentModel;
using Secrets.Build.Core;
using Secrets.Build.Core.Access;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Tool.Cli;
using Secrets.Build.Tool.Run;

namespace Secrets.Build.Tool.Commands;

/// <summary>
/// <c>run -- &lt;command&gt; [args…]</c>: starts the command with the environment's secrets (and each
/// <c>NAME__PREVIOUS</c> in its grace period) in its environment. No .env is written.
/// </summary>
internal static class RunCommand
{
    /// <summary>The command's name on the command line.</summary>
    public const string Name = "run";

    private static readonly Argument<string[]> Command = new("command")
    {
        Description = "The command and its arguments, after '--'.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command(Name, "Runs a command with the environment's secrets in its environment (plus NAME__PREVIOUS during the grace window); writes no .env. Exits with the command's exit code.")
        {
            Command,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var line = context.Value(Command)!;
            var read = new SecretsManager().ReadValues(
                context.Settings.Apply(new ReadValuesOptions { SchemaPath = context.Settings.Schema, IncludePrevious = true }, "run"), cancellationToken);
            context.Report(read.Diagnostics);
            if (!read.Succeeded)
            {
                return ExitCodes.Error;
            }

            try
            {
                return ChildProcess.Run(line, read.Values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
            }
            catch (Win32Exception ex)
            {
                context.Report([SecretsDiagnostic.Error(DiagnosticCodes.CommandNotStarted,
                    $"'{line[0]}' could not be started: {ex.Message}",
                    "Check the command's name and that it is on PATH (or give its full path).")]);
                return ExitCodes.Error;
            }
        });
        return command;
    }
}
