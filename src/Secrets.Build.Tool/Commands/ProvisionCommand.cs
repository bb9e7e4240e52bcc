using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>provision</c>: what <c>dotnet build</c> does before compiling, without a build.</summary>
internal static class ProvisionCommand
{
    private static readonly Option<bool?> Generate = new("--generate")
    {
        Description = "Whether missing values may be generated (SecretsGenerate; default as the build: not on build servers or for production).",
    };

    private static readonly Option<bool> NoOutputs = new("--no-outputs") { Description = "Update the store only; write no .env, compose override or manifest." };

    public static Command Create()
    {
        var command = new Command("provision", "Generates missing secrets (or decrypts existing ones) and writes .env.<env>, the compose override and the Kubernetes manifest, as the build does.")
        {
            Generate,
            NoOutputs,
        };
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var settings = context.Settings;
            var result = new SecretsManager().Provision(ProvisionOptionsFor(context, context.Value(Generate), !context.Value(NoOutputs)), cancellationToken);
            context.Report(result.Diagnostics);
            if (result.Succeeded)
            {
                context.Output.Line($"'{settings.EnvironmentLower}': {result.Generated.Length} generated, {result.Captured.Length} captured from the environment.");
                foreach (var output in result.Outputs)
                {
                    context.Output.Line($"  wrote {output}");
                }
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    /// <summary>The build's provisioning options: generation off on build servers (CI, TF_BUILD, GITHUB_ACTIONS) and for production, unless given.</summary>
    public static ProvisionOptions ProvisionOptionsFor(CommandContext context, bool? generate, bool writeOutputs, string command = "provision")
    {
        var settings = context.Settings;
        var variables = settings.Variables;
        var onBuildServer = (variables.TryGetValue("CI", out var ci) && ci is { Length: > 0 } && ci != "false")
            || variables.ContainsKey("TF_BUILD") || variables.ContainsKey("GITHUB_ACTIONS");
        return settings.Apply(
            new ProvisionOptions
            {
                SchemaPath = settings.Schema,
                Generate = generate ?? !(onBuildServer || settings.EnvironmentLower == "production"),
                WriteOutputs = writeOutputs,
            },
            command);
    }
}
