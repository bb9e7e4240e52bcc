using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.KeyRotation;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>rotate-key</c>: a new data key and key file; the old key no longer opens the store.</summary>
internal static class RotateKeyCommand
{
    /// <summary>The variable a passphrase store's new passphrase comes from, as for the RotateSecretsKey target (never an option: shells keep history).</summary>
    public const string NewPassphraseVariable = "SECRETS_BUILD_NEW_PASSPHRASE";

    public static Command Create()
    {
        var command = new Command("rotate-key", $"Re-encrypts every value under a new data key and a new key file (a passphrase store takes the new passphrase from ${NewPassphraseVariable}).");
        CommandRunner.SetBody(command, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var newPassphrase = context.Settings.Variables.GetValueOrDefault(NewPassphraseVariable);
            var result = await context.Output.WithStatusAsync("Rotating the key", () => new SecretsManager().RotateKey(
                context.Settings.Apply(new RotateKeyOptions { SchemaPath = context.Settings.Schema, NewPassphrase = newPassphrase }, "rotate-key"), cancellationToken));
            context.Report(result.Diagnostics);
            if (!result.Succeeded)
            {
                return ExitCodes.Error;
            }

            context.Output.Line($"'{context.Settings.EnvironmentLower}': {result.ReencryptedValues} value(s) re-encrypted under key {result.NewKeyId}; retired {string.Join(", ", result.RetiredKeyIds)}.");
            if (result.NewKeyFile is { } file)
            {
                context.Output.Line($"New key file: {file}. Share it with whoever builds this environment ({Core.Keys.KeyVariables.KeyDirectory} or the key variable).");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
