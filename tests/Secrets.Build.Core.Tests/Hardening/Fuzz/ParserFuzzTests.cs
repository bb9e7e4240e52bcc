using System.Text;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;
using Xunit.Abstractions;

namespace Secrets.Build.Core.Tests.Hardening.Fuzz;

/// <summary>
/// Every parser of a file a user or an attacker can edit, fed mutated real files: each input ends
/// in success or a SECB error, never another exception, a hang or a write. A few seconds each here;
/// <c>SECRETS_FUZZ_SECONDS=600 dotnet test --filter Category=Fuzz</c> runs them longer.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ParserFuzzTests(FuzzWorkspace workspace, ITestOutputHelper output) : IClassFixture<FuzzWorkspace>
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly FuzzRunner _runner = new(output);

    [Fact]
    public void Schema_files()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("secrets.schema.json");
        var seeds = new[]
        {
            File.ReadAllBytes(TestPaths.SampleSchema),
            Utf8.GetBytes("""{"version":1,"project":"p","environments":["development"],"secrets":{"A_KEY":{"description":"d","category":"api_keys","generate":{"kind":"hex","bytes":32}}},"rotationPolicies":{"api_keys":90}}"""),
        };

        _runner.Run("schema", seeds, input =>
        {
            File.WriteAllBytes(path, input);
            return () =>
            {
                // Load reads the file the way builds do; Parse is what the source generator shares.
                // (Their outcomes may differ: File.ReadAllText drops one BOM and honours a UTF-16 one.)
                var loaded = SchemaFile.Load(path);
                Outcome(SchemaParser.Parse(Utf8.GetString(input), path).Diagnostics);
                return Outcome(loaded.Diagnostics);
            };
        }, folder.Path);
    }

    [Fact]
    public void Store_files()
    {
        FuzzStoreFile("store", workspace.Paths.StorePath, workspace.StoreBytes);
    }

    [Fact]
    public void Metadata_files()
    {
        FuzzStoreFile("metadata", workspace.Paths.MetadataPath, workspace.MetadataBytes);
    }

    [Fact]
    public void Audit_trails()
    {
        FuzzFile("audit", workspace.TrailPath, workspace.TrailBytes, workspace.Paths.SecretsDirectory, input =>
        {
            // Verify reports damage in its result; only a lock timeout may throw.
            var verification = new AuditTrail(workspace.TrailPath, workspace.ChainKey).Verify();
            if (input.AsSpan().SequenceEqual(workspace.TrailBytes))
            {
                Assert.True(verification.IsValid, verification.Error?.ToString());
            }

            _ = AuditReader.Read(workspace.TrailPath).ToList();
            return verification.Error?.Code ?? "ok";
        });
    }

    [Fact]
    public void Env_files()
    {
        var seeds = new[]
        {
            workspace.EnvFileBytes,
            Utf8.GetBytes("# comment\r\nexport A=plain # trailing\r\nB='single $quoted\nline'\r\nC=\"double \\n \\\" \\$ esc\"\r\n\r\nD=\n"),
        };

        _runner.Run("env", seeds, input => () =>
        {
            var text = Utf8.GetString(input);
            var result = EnvFileParser.Parse(text, "fuzz.env");
            return Outcome(result.Diagnostics);
        });
    }

    [Fact]
    public void Key_files_and_key_text()
    {
        FuzzFile("key", workspace.KeyFilePath, workspace.KeyFileBytes, workspace.KeyDirectory, input =>
        {
            // TryParse never throws: false is its only way to say no.
            KeyText.TryParse(Utf8.GetString(input), out _);
            var locator = new KeyLocator("development", workspace.Paths.StoreId(), new Dictionary<string, string>(), workspace.KeyDirectory, workspace.Workspace);
            var resolution = locator.Resolve();
            Assert.True(resolution.Found || resolution.HasErrors, "A present key file is either a key or an error.");
            return Outcome(resolution.Diagnostics);
        });
    }

    [Fact]
    public void Trust_store_records()
    {
        var folder = Path.GetDirectoryName(workspace.StoreTrustPath)!;
        var storeId = workspace.Paths.StoreId();
        FuzzFile("trust-store", workspace.StoreTrustPath, workspace.StoreTrustBytes, folder, input =>
        {
            // A record it cannot read is SECB707, whatever is wrong with it.
            var record = Secrets.Build.Core.Trust.TrustFolder.ReadStore(folder, storeId, "development");
            if (input.AsSpan().SequenceEqual(workspace.StoreTrustBytes))
            {
                Assert.Equal(storeId, record?.StoreId);
            }

            return "ok";
        });
    }

    [Fact]
    public void Trust_workspace_records()
    {
        var folder = Path.GetDirectoryName(workspace.WorkspaceTrustPath)!;
        FuzzFile("trust-workspace", workspace.WorkspaceTrustPath, workspace.WorkspaceTrustBytes, folder, input =>
        {
            var record = Secrets.Build.Core.Trust.TrustFolder.ReadWorkspace(folder, Path.GetFullPath(workspace.Workspace), "development");
            if (input.AsSpan().SequenceEqual(workspace.WorkspaceTrustBytes))
            {
                Assert.Equal(workspace.Paths.StoreId(), record?.StoreId);
            }

            return "ok";
        });
    }

    /// <summary>"ok", or the first error's code; every diagnostic must carry a SECB code and a location.</summary>
    private static string Outcome(IEnumerable<Diagnostics.SecretsDiagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        Assert.All(all, d => Assert.StartsWith("SECB", d.Code, StringComparison.Ordinal));
        return all.FirstOrDefault(d => d.Severity == Diagnostics.SecretsSeverity.Error)?.Code ?? "ok";
    }

    private void FuzzStoreFile(string name, string path, byte[] original) =>
        FuzzFile(name, path, original, workspace.Paths.SecretsDirectory, mutated =>
        {
            // What a build does: read the header to find the key, then open and verify.
            SecretStore.ReadHeader(workspace.Paths);
            using var store = SecretStore.Open(workspace.Paths, workspace.Key);
            _ = store.Names.Select(store.Reveal).ToList();
            return "ok";
        });

    /// <summary>Fuzzes the file at <paramref name="path"/> in place, and puts the original back afterwards.</summary>
    private void FuzzFile(string name, string path, byte[] original, string watchedDirectory, Func<byte[], string> check)
    {
        try
        {
            _runner.Run(name, [original], input =>
            {
                File.WriteAllBytes(path, input);
                return () => check(input);
            }, watchedDirectory);
        }
        finally
        {
            File.WriteAllBytes(path, original);
        }
    }
}

/// <summary>The store id a workspace's store was created with, read from its header.</summary>
internal static class StorePathsExtensions
{
    public static string StoreId(this StorePaths paths) => SecretStore.ReadHeader(paths).StoreId;
}
