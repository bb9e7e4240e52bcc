using System.CommandLine;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Tool.Output;

namespace Secrets.Build.Tool.Cli;

/// <summary>
/// The one way a command runs: settings resolved, diagnostics printed on stderr, exit code 1 when
/// any error was reported, and an unexpected exception turned into SECB404 (its stack only with --debug).
/// </summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="command"/>'s action. <paramref name="body"/> returns its own exit code (run passes its child's through).</summary>
    public static void SetBody(Command command, SchemaNeed need, Func<CommandContext, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, need, body, cancellationToken));

    private static async Task<int> RunAsync(ParseResult parse, SchemaNeed need, Func<CommandContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = ToolOutput.Create();
        var diagnostics = new List<SecretsDiagnostic>();
        var settings = SettingsResolver.Resolve(parse, need, diagnostics);
        output.Report(diagnostics);
        if (output.HasErrors)
        {
            return ExitCodes.Error;
        }

        if (settings.Debug)
        {
            await Console.Error.WriteLineAsync(
                $"secrets-build: environment '{settings.Environment}', schema '{settings.SchemaPath}', workspace '{settings.WorkspacePath ?? "(schema's folder)"}', key folder '{settings.KeyDirectory ?? "(per-user default)"}'.");
        }

        try
        {
            var code = await body(new CommandContext(parse, settings, output), cancellationToken);
            return output.HasErrors && code == ExitCodes.Success ? ExitCodes.Error : code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Core writes atomically under a lock: a cancelled operation leaves the files as they were.
            await Console.Error.WriteLineAsync($"secrets-build: {parse.CommandResult.Command.Name} cancelled.");
            return ExitCodes.Error;
        }
        catch (SecretsException ex)
        {
            output.Report(ex.Diagnostics);
            return ExitCodes.Error;
        }
        catch (Exception ex)
        {
            // Core reports user mistakes as diagnostics, so this is a bug or a broken machine.
            // Core's exception messages never hold values.
            output.Report([SecretsDiagnostic.Error(DiagnosticCodes.OperationFailed,
                $"secrets-build {parse.CommandResult.Command.Name} failed unexpectedly: {ex.GetType().FullName}: {ex.Message}",
                "Run it again with --debug for the stack trace and report it if it persists.")]);
            if (settings.Debug)
            {
                await Console.Error.WriteLineAsync(ex.ToString());
            }

            return ExitCodes.Error;
        }
    }
}
