using System.Diagnostics;
using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Import;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Store;
using Xunit.Abstractions;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// Big is fine, absurd is refused: a schema with 10,000 secrets provisions (its time is printed,
/// never asserted); a 100 MB store, schema or .env import is refused from its size alone, without reading it.
/// </summary>
[Trait("Category", "Limits")]
[Collection(LimitsCollection.Name)]
public sealed class LimitsTests(ITestOutputHelper output) : IDisposable
{
    private const long HundredMegabytes = 100L * 1024 * 1024;

    /// <summary>Far below the file size: proof the file was not read into memory.</summary>
    private const long AllocationBudget = 8L * 1024 * 1024;

    private readonly HardeningWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void A_schema_with_ten_thousand_secrets_provisions()
    {
        File.WriteAllText(_workspace.SchemaPath, LargeSchema(10_000));
        var manager = new SecretsManager();

        var clock = Stopwatch.StartNew();
        var first = manager.Provision(_workspace.Options());
        var firstTime = clock.Elapsed;
        clock.Restart();
        var second = manager.Provision(_workspace.Options());
        var secondTime = clock.Elapsed;

        output.WriteLine($"10,000 secrets: first run (generate, encrypt, write) {firstTime.TotalSeconds:0.00} s; second run (open, verify, decrypt) {secondTime.TotalSeconds:0.00} s");
        output.WriteLine($"store {new FileInfo(first.StorePath).Length / 1024} KiB, metadata {new FileInfo(first.MetadataPath).Length / 1024} KiB");
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics.Take(5)));
        Assert.Equal(10_000, first.Generated.Length);
        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics.Take(5)));
        Assert.Empty(second.Generated);
        Assert.Equal(10_000, _workspace.EnvValues().Count);
    }

    [Fact]
    public void A_100_MB_schema_is_refused_unread()
    {
        Sparse(_workspace.SchemaPath);

        var (result, allocated) = Measure(() => new SecretsManager().Provision(_workspace.Options()));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.SchemaFileTooLarge, error.Code);
        Assert.Equal(_workspace.SchemaPath, error.Location?.File);
        Assert.True(allocated < AllocationBudget, $"{allocated} bytes allocated to refuse a {HundredMegabytes}-byte file");
        Assert.False(Directory.Exists(_workspace.SecretsDirectory));
    }

    [Theory]
    [InlineData(".env.development.json")]
    [InlineData(".env.development.metadata")]
    public void A_100_MB_store_file_is_refused_unread_and_nothing_is_written(string file)
    {
        _workspace.Provision();
        var path = Path.Combine(_workspace.SecretsDirectory, file);
        Sparse(path);
        var before = _workspace.Snapshot().ToDictionary(f => f.Key, f => f.Value.Length);

        var (result, allocated) = Measure(() => new SecretsManager().Provision(_workspace.Options()));

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
        Assert.Equal(path, error.Location?.File);
        Assert.True(allocated < AllocationBudget, $"{allocated} bytes allocated to refuse a {HundredMegabytes}-byte file");
        Assert.Equal(before, _workspace.Snapshot().ToDictionary(f => f.Key, f => f.Value.Length));
    }

    [Fact]
    public void A_100_MB_env_import_is_refused_unread()
    {
        _workspace.Provision();
        var before = _workspace.Snapshot();
        var source = Path.Combine(_workspace.Root, "phase4.env");
        Sparse(source);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = new SecretsManager().Import(new ImportOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
            SourcePath = source,
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.ImportFileTooLarge, error.Code);
        Assert.Equal(source, error.Location?.File);
        Assert.True(allocated < AllocationBudget, $"{allocated} bytes allocated to refuse a {HundredMegabytes}-byte file");
        File.Delete(source);
        var after = _workspace.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
    }

    [Fact]
    public void Opening_a_100_MB_store_directly_is_refused_unread()
    {
        var paths = StorePaths.ForWorkspace(_workspace.Workspace, "development");
        Directory.CreateDirectory(paths.SecretsDirectory);
        Sparse(paths.StorePath);
        Sparse(paths.MetadataPath);
        var key = new RawKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), "test");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.Throws<SecretsException>(() => SecretStore.Open(paths, key));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(DiagnosticCodes.FileTooLarge, error.Code);
        Assert.True(allocated < AllocationBudget, $"{allocated} bytes allocated");
    }

    private static (ProvisionResult Result, long Allocated) Measure(Func<ProvisionResult> run)
    {
        // Process-wide: other tests running in parallel can only make this larger, never hide a read.
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = run();
        return (result, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    /// <summary>A 100 MB file that takes no disk space: its length is set, nothing is written.</summary>
    private static void Sparse(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        stream.SetLength(HundredMegabytes);
    }

    private static string LargeSchema(int count)
    {
        var text = new StringBuilder();
        text.Append("""{"version":1,"project":"large","environments":["development"],"rotationPolicies":{"api_keys":90},"secrets":{""");
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "" : ",");
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"\"SECRET_{i:D5}\":{{\"description\":\"Secret number {i}.\",\"category\":\"api_keys\",\"generate\":{{\"kind\":\"hex\",\"bytes\":16}}}}");
        }

        return text.Append("}}").ToString();
    }
}

/// <summary>
/// The allocation budgets are read from the process-wide counter, so these tests run alone: another
/// collection allocating at the same time (the KMS tests' AWS SDK, say) would be counted against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LimitsCollection
{
    public const string Name = "limits, alone";
}
