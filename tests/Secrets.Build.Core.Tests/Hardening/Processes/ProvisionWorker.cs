using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Hardening.Processes;

/// <summary>
/// <c>dotnet exec Secrets.Build.Core.Tests.dll provision &lt;schema&gt; &lt;env&gt; &lt;key dir&gt;</c>: one
/// provisioning run in its own process, as a build does, so tests can kill it at any point or
/// run several at once. External values come from the process environment. Prints
/// <c>start</c> before provisioning, then <c>generated NAME</c>, <c>error CODE</c> and
/// <c>secret NAME VERSION FINGERPRINT</c> lines; never a value.
/// </summary>
internal static class ProvisionWorker
{
    public const string Command = "provision";

    /// <summary>When set, the worker waits for this file to exist before provisioning, so several start together.</summary>
    public const string GoFileVariable = "SECB_TEST_GO_FILE";

    public static int Run(string[] args)
    {
        if (args.Length != 4)
        {
            return 64;
        }

        var (schema, environment, keyDirectory) = (args[1], args[2], args[3]);
        AnnounceStartAndWait();
        var variables = EnvironmentSnapshot.FromProcess();
        var result = new SecretsManager().Provision(new ProvisionOptions
        {
            SchemaPath = schema,
            Environment = environment,
            KeyDirectory = keyDirectory,
            EnvironmentVariables = variables,
            Trigger = "ProvisionWorker",
        });
        foreach (var name in result.Generated)
        {
            Console.Out.WriteLine($"generated {name}");
        }

        foreach (var error in result.Diagnostics.Where(d => d.Severity == Diagnostics.SecretsSeverity.Error))
        {
            Console.Out.WriteLine($"error {error.Code}");
            Console.Error.WriteLine(error);
        }

        if (!result.Succeeded)
        {
            return 1;
        }

        ReportStore(Path.GetDirectoryName(Path.GetFullPath(schema))!, environment, keyDirectory, variables);
        return 0;
    }

    /// <summary>Prints <c>start</c>, then waits for the go file when <see cref="GoFileVariable"/> names one.</summary>
    public static void AnnounceStartAndWait()
    {
        Console.Out.WriteLine("start");
        Console.Out.Flush();
        if (Environment.GetEnvironmentVariable(GoFileVariable) is { Length: > 0 } goFile)
        {
            while (!File.Exists(goFile))
            {
                Thread.Sleep(2);
            }
        }
    }

    /// <summary>What this process sees in the store afterwards, under the lock, as fingerprints.</summary>
    private static void ReportStore(string workspace, string environment, string keyDirectory, IReadOnlyDictionary<string, string> variables)
    {
        var paths = StorePaths.ForWorkspace(workspace, environment);
        using var held = WorkspaceLock.Acquire(paths.LockPath);
        var header = SecretStore.ReadHeader(paths);
        var key = new KeyLocator(environment, header.StoreId, variables, keyDirectory, workspace).Resolve().Key!;
        using var store = SecretStore.Open(paths, key);
        foreach (var name in store.Names)
        {
            var metadata = store.GetMetadata(name);
            Console.Out.WriteLine($"secret {name} {metadata.Version} {metadata.Fingerprint}");
        }
    }
}
