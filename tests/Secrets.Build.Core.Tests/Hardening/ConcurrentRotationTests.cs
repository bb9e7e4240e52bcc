using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Tests.Hardening.Processes;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Hardening;

/// <summary>
/// Eight processes on one provisioned workspace at the same moment: four provisioning builds and
/// four <c>RotateSecrets</c> runs of the same category. Every rotation that reports success must
/// be a distinct version in the store's history (no lost update), the store, <c>.env</c> and its
/// <c>__PREVIOUS</c> entries must agree at the end, and the audit chain must be intact.
/// </summary>
[Trait("Category", "Concurrency")]
public sealed class ConcurrentRotationTests : IDisposable
{
    private const int Pairs = 4;
    private const string Category = "database_passwords";
    private readonly HardeningWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Four_provisioning_and_four_rotating_processes_lose_no_rotation()
    {
        var externals = new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-concurrent-rotation-openai-value" };
        _workspace.Provision(variables: externals);
        var before = WorkspaceState.Read(_workspace);
        var rotated = SchemaFile.Load(_workspace.SchemaPath).Schema!.Secrets.Where(s => s.Category == Category && !s.IsExternal).Select(s => s.Name).ToList();
        Assert.NotEmpty(rotated);

        var go = Path.Combine(_workspace.Root, "go");
        var variables = new Dictionary<string, string>(externals) { [ProvisionWorker.GoFileVariable] = go };
        var workers = Enumerable.Range(0, 2 * Pairs)
            .Select(i => i % 2 == 0
                ? WorkerProcess.StartProvision(_workspace.SchemaPath, "development", _workspace.KeyDirectory, variables)
                : WorkerProcess.StartRotate(_workspace.SchemaPath, "development", _workspace.KeyDirectory, Category, variables))
            .ToList();
        try
        {
            Assert.All(workers, w => Assert.True(w.WaitForLine("start", TimeSpan.FromMinutes(2)), w.Errors));
            File.WriteAllText(go, string.Empty);
            workers.ForEach(w => w.WaitForExit());
            Assert.All(workers, w => Assert.True(w.ExitCode == 0, $"exit {w.ExitCode}: {w.Errors}"));

            // Every successful rotation reported one new version per secret; none may be lost or shared.
            var reported = workers.SelectMany(w => w.Lines.Where(l => l.StartsWith("rotated ", StringComparison.Ordinal)))
                .Select(l => l.Split(' ')).Select(p => (Name: p[1], Version: int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(Pairs * rotated.Count, reported.Count);
            Assert.Equal(reported.Count, reported.Distinct().Count());

            var after = WorkspaceState.Read(_workspace);
            foreach (var name in rotated)
            {
                var expected = Enumerable.Range(before.Versions[name] + 1, Pairs).ToList();
                Assert.Equal(expected, reported.Where(r => r.Name == name).Select(r => r.Version).Order().ToList());
                Assert.Equal(before.Versions[name] + Pairs, after.Versions[name]);
                // The history holds every version in between: each rotation is visible, none overwritten.
                Assert.Equal(Enumerable.Range(before.Versions[name], Pairs).ToList(), after.History[name].Where(v => v >= before.Versions[name]).Order().ToList());
            }

            var untouched = before.Values.Keys.Where(k => !rotated.Contains(k) && after.Values[k] != before.Values[k]).ToList();
            Assert.True(untouched.Count == 0, $"{string.Join(", ", untouched)} changed although only {Category} was rotated");

            // One consistent set of values: the last writer's outputs are the store's values.
            var env = _workspace.EnvValues();
            var mismatched = after.Values.Where(v => env.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key)
                .Concat(rotated.Where(n => env.GetValueOrDefault(n + PreviousValues.Suffix) != after.Previous[n]).Select(n => n + PreviousValues.Suffix))
                .ToList();
            Assert.True(mismatched.Count == 0, $".env.development disagrees with the store on {string.Join(", ", mismatched)}");

            Assert.True(after.Audit.IsValid, after.Audit.Error?.ToString());
            var events = AuditReader.Read(AuditTrail.PathFor(_workspace.SecretsDirectory, "development")).Select(r => r.Event).ToList();
            var rotatedEvents = events.Where(e => e.Kind == AuditEventKind.Rotated).Select(e => (e.SecretName!, e.Version!.Value)).ToList();
            Assert.Equal(reported.Order().ToList(), rotatedEvents.Order().ToList());
            Assert.Empty(Directory.GetFiles(_workspace.Workspace, "*" + Secrets.Build.Core.IO.AtomicFile.TempSuffix, SearchOption.AllDirectories));
        }
        finally
        {
            workers.ForEach(w => w.Dispose());
        }
    }
}
