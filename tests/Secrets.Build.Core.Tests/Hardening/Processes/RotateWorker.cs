using Secrets.Build.Core.Rotation;

namespace Secrets.Build.Core.Tests.Hardening.Processes;

/// <summary>
/// <c>dotnet exec Secrets.Build.Core.Tests.dll rotate &lt;schema&gt; &lt;env&gt; &lt;key dir&gt; &lt;selector&gt;</c>:
/// one <c>RotateSecrets</c> run in its own process, as the MSBuild target does, so tests can kill it
/// or run it next to provisioning builds. Prints <c>start</c>, then (after the go file, as
/// <see cref="ProvisionWorker"/>) <c>rotated NAME VERSION</c> per rotated secret and
/// <c>error CODE</c> lines; never a value. Keeps 50 retired versions, so every rotation of a
/// test stays visible in the store's history.
/// </summary>
internal static class RotateWorker
{
    public const string Command = "rotate";

    public const int RetiredVersionsKept = 50;

    public static int Run(string[] args)
    {
        if (args.Length != 5)
        {
            return 64;
        }

        var (schema, environment, keyDirectory, selector) = (args[1], args[2], args[3], args[4]);
        ProvisionWorker.AnnounceStartAndWait();
        var result = new SecretsManager().RotateSecrets(new RotateOptions
        {
            SchemaPath = schema,
            Environment = environment,
            KeyDirectory = keyDirectory,
            EnvironmentVariables = Secrets.Build.Core.Keys.EnvironmentSnapshot.FromProcess(),
            Selectors = [selector],
            RetiredVersionsKept = RetiredVersionsKept,
            Trigger = "RotateWorker",
        });
        foreach (var error in result.Diagnostics.Where(d => d.Severity == Diagnostics.SecretsSeverity.Error))
        {
            Console.Out.WriteLine($"error {error.Code}");
            Console.Error.WriteLine(error);
        }

        if (!result.Succeeded)
        {
            return 1;
        }

        foreach (var rotated in result.Rotated)
        {
            Console.Out.WriteLine($"rotated {rotated.Name} {rotated.Version}");
        }

        return 0;
    }
}
