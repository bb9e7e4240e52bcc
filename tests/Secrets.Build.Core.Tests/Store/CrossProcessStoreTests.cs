using System.Diagnostics;
using System.Security.Cryptography;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>Several processes provisioning one workspace at once end with one set of values.</summary>
public sealed class CrossProcessStoreTests : IDisposable
{
    private readonly StoreTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task Concurrent_processes_agree_on_one_set_of_values()
    {
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var names = Enumerable.Range(1, 8).Select(i => $"SECRET_{i}").ToArray();
        var workers = Enumerable.Range(0, 4).Select(_ => Start(keyBytes, names)).ToArray();

        var reports = await Task.WhenAll(workers);

        using var store = SecretStore.Open(_kit.Paths, new RawKey(keyBytes, "test"));
        Assert.Equal(names.Order(StringComparer.Ordinal), store.Names);
        foreach (var name in names)
        {
            // Each name was generated exactly once: a lost update would show as version 1 of a
            // value some worker never saw, or as a worker reporting another fingerprint.
            Assert.Equal(1, store.GetMetadata(name).Version);
        }

        foreach (var report in reports)
        {
            Assert.Equal(names.Length, report.Count);
            foreach (var (name, fingerprint) in report)
            {
                Assert.Equal(store.GetMetadata(name).Fingerprint, fingerprint);
            }
        }

        Assert.Empty(Directory.GetFiles(_kit.Paths.SecretsDirectory, "*.tmp"));
        Assert.False(File.Exists(_kit.Paths.PendingStorePath));
    }

    private async Task<Dictionary<string, string>> Start(byte[] key, string[] names)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "exec", typeof(StoreWorkerProgram).Assembly.Location,
                     StoreWorkerProgram.Command, _kit.Paths.SecretsDirectory, _kit.Paths.Environment, string.Join(',', names),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[StoreWorkerProgram.KeyVariable] = Convert.ToHexString(key);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"worker exited with {process.ExitCode}: {await error}");
        return (await output)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => parts[1]);
    }
}
