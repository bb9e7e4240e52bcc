using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>
/// The test assembly's entry point, so tests can start it as a separate process
/// (<c>dotnet exec Secrets.Build.Core.Tests.dll store-worker ...</c>) and prove the store and
/// its lock behave across processes. The test host never calls it.
/// </summary>
public static class StoreWorkerProgram
{
    public const string Command = "store-worker";
    public const string KeyVariable = "SECB_TEST_STORE_KEY";

    /// <summary>
    /// <c>store-worker &lt;secrets dir&gt; &lt;env&gt; &lt;NAME,NAME,...&gt;</c>: for each name, under the
    /// workspace lock, open (or create) the store, add the name with a fresh random value if
    /// it is missing, and save. Prints <c>NAME fingerprint</c> per name as this process last saw
    /// it; never a value.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == Hardening.Processes.ProvisionWorker.Command)
        {
            return Hardening.Processes.ProvisionWorker.Run(args);
        }

        if (args.Length > 0 && args[0] == Audit.AuditChildProcess.Command)
        {
            return Audit.AuditChildProcess.Run(args);
        }

        if (args.Length > 0 && args[0] == Hardening.Processes.RotateWorker.Command)
        {
            return Hardening.Processes.RotateWorker.Run(args);
        }

        if (args.Length != 4 || args[0] != Command)
        {
            return 64;
        }

        var paths = StorePaths.ForSecretsDirectory(args[1], args[2]);
        var key = new RawKey(Convert.FromHexString(Environment.GetEnvironmentVariable(KeyVariable)!), "environment variable " + KeyVariable);
        var names = args[3].Split(',');
        Random.Shared.Shuffle(names);
        var seen = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var name in names)
            {
                using var held = WorkspaceLock.Acquire(paths.LockPath, TimeSpan.FromMinutes(2));
                using var store = SecretStore.OpenOrCreate(paths, key);
                if (!store.Contains(name))
                {
                    store.Set(name, Guid.NewGuid().ToString("N"), SecretSource.Generated, DateTimeOffset.UtcNow, null);
                    store.Save();
                }

                seen[name] = store.GetMetadata(name).Fingerprint;
            }
        }
        catch (SecretsException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

        foreach (var (name, fingerprint) in seen)
        {
            Console.WriteLine($"{name} {fingerprint}");
        }

        return 0;
    }
}
