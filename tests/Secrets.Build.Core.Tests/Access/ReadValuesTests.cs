using Secrets.Build.Core.Access;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Access;

/// <summary>SecretsManager.ReadValues (behind secrets-build run and get) on stores made by a real provisioning run.</summary>
public sealed class ReadValuesTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Reads_every_current_value_and_records_one_accessed_line_per_secret_without_a_value()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var expected = _kit.EnvValues();

        var result = Read();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(expected.Keys.Order(), result.Values.Select(v => v.Name).Order());
        Assert.All(result.Values, v => Assert.True(v.Value == expected[v.Name], $"{v.Name} read back differently from .env"));
        var trail = File.ReadAllText(_kit.AuditPath);
        var accessed = trail.Split('\n').Where(l => l.Contains("\"accessed\"", StringComparison.Ordinal) && l.Contains("\"cli:test\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, accessed.Count);
        LifecycleKit.AssertContainsNone(trail, expected.Values, "the audit trail");
        LifecycleKit.AssertContainsNone(result.ToString(), expected.Values, "the result's ToString");
    }

    [Fact]
    public void The_previous_value_comes_with_the_current_one_only_within_the_grace_period()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var before = _kit.EnvValues();
        _kit.Clock.Advance(TimeSpan.FromDays(1));
        Assert.True((_kit.Rotate("JWT_SECRET_KEY")).Succeeded);

        _kit.Clock.Advance(TimeSpan.FromDays(1));
        var inGrace = Read(includePrevious: true);
        _kit.Clock.Advance(TimeSpan.FromDays(7));
        var afterGrace = Read(includePrevious: true);
        var withoutPrevious = Read();

        var previous = Assert.Single(inGrace.Values, v => v.Name == "JWT_SECRET_KEY__PREVIOUS");
        Assert.True(previous.Value == before["JWT_SECRET_KEY"], "the previous value is not the one before the rotation");
        Assert.DoesNotContain(afterGrace.Values, v => v.Name.EndsWith("__PREVIOUS", StringComparison.Ordinal));
        Assert.DoesNotContain(withoutPrevious.Values, v => v.Name.EndsWith("__PREVIOUS", StringComparison.Ordinal));
    }

    [Fact]
    public void An_undeclared_name_is_SECB800_and_reads_nothing()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var trailBefore = File.ReadAllText(_kit.AuditPath);

        var result = Read(names: ["POSTGRES_PASSWORD", "NOT_A_SECRET"]);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Values);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.SecretNotDeclared && d.Message.Contains("NOT_A_SECRET", StringComparison.Ordinal));
        Assert.Equal(trailBefore, File.ReadAllText(_kit.AuditPath));
    }

    [Fact]
    public void Without_a_store_nothing_is_created()
    {
        var result = Read();

        Assert.False(result.Succeeded);
        Assert.Empty(result.Values);
        Assert.False(File.Exists(_kit.StorePath));
    }

    private ReadValuesResult Read(bool includePrevious = false, string[]? names = null) =>
        _kit.Manager.ReadValues(new ReadValuesOptions
        {
            SchemaPath = _kit.Workspace.SchemaPath,
            Environment = _kit.Environment,
            KeyDirectory = _kit.Workspace.KeyDirectory,
            EnvironmentVariables = _kit.Variables,
            Clock = _kit.TimeSource,
            IncludePrevious = includePrevious,
            Names = names ?? [],
            Trigger = "cli:test",
        });
}
