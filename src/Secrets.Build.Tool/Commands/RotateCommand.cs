using System.CommandLine;
using System.Globalization;
using Secrets.Build.Core;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Tool.Cli;
using Spectre.Console;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>rotate &lt;selectors…&gt;</c>: new values for categories, names, <c>due</c> or <c>all</c>, once per workspace.</summary>
internal static class RotateCommand
{
    private static readonly Argument<string[]> Selectors = new("selectors")
    {
        Description = "Categories (jwt_secrets), names (JWT_SECRET_KEY), 'due' or 'all'.",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Command Create()
    {
        var command = new Command("rotate", "Gives the selected secrets new values; each previous value stays in the store as a retired version, and the outputs are rewritten.")
        {
            Selectors,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var selectors = context.Value(Selectors)!.SelectMany(s => s.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            var result = await context.Output.WithProgressAsync("Rotating", progress => new SecretsManager().RotateSecrets(
                context.Settings.Apply(new RotateOptions { SchemaPath = context.Settings.Schema, Selectors = selectors, Progress = progress }, "rotate"), cancellationToken));
            context.Report(result.Diagnostics);
            if (!result.Succeeded)
            {
                return ExitCodes.Error;
            }

            context.Output.Line($"'{context.Settings.EnvironmentLower}': {result.Rotated.Length} rotated, {result.Skipped.Length} skipped.");
            var o = context.Output;
            var table = o.NewTable("NAME", "VERSION", "DUE");
            foreach (var secret in result.Rotated)
            {
                table.AddRow(o.Cell(secret.Name), o.Cell(secret.Version.ToString(CultureInfo.InvariantCulture)), o.Cell(secret.NextRotation.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            if (result.Rotated.Length > 0)
            {
                context.Output.Console.Write(table);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
