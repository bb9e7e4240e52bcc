using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Tests.Lifecycle;

namespace Secrets.Build.Core.Tests.Rotation;

/// <summary>Due, overdue and enforced, reached by moving an injected clock.</summary>
public sealed class RotationTimeTravelTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static string[] Named(IEnumerable<SecretsDiagnostic> diagnostics, string code) =>
        [.. diagnostics.Where(d => d.Code == code).Select(d => d.Message.Split(' ')[0])];

    [Fact]
    public async Task The_metadata_only_check_finds_due_then_overdue_secrets_without_a_key()
    {
        await _kit.Provision();

        Assert.Empty((await _kit.Check()).Diagnostics);

        _kit.Clock.Advance(TimeSpan.FromDays(17));
        var dueSoon = await _kit.Check();
        Assert.Equal(["JWT_SECRET_KEY", "SESSION_SECRET"], Named(dueSoon.Diagnostics, DiagnosticCodes.RotationDueSoon));
        Assert.Equal(RotationState.DueSoon, dueSoon.Statuses.Single(s => s.Name == "JWT_SECRET_KEY").State);

        _kit.Clock.Advance(TimeSpan.FromDays(14));
        var overdue = await _kit.Check();
        Assert.True(overdue.Succeeded);
        Assert.Equal(["JWT_SECRET_KEY", "SESSION_SECRET"], Named(overdue.Diagnostics, DiagnosticCodes.RotationOverdue));
        Assert.All(overdue.Diagnostics.Where(d => d.Code == DiagnosticCodes.RotationOverdue), d => Assert.Equal(SecretsSeverity.Warning, d.Severity));

        var enforced = await _kit.Check(enforce: true);
        Assert.False(enforced.Succeeded);
        Assert.All(enforced.Diagnostics.Where(d => d.Code == DiagnosticCodes.RotationOverdue), d => Assert.Equal(SecretsSeverity.Error, d.Severity));
    }

    [Fact]
    public async Task Rotating_what_is_due_clears_the_warnings_and_touches_nothing_else()
    {
        await _kit.Provision();
        var before = _kit.StoredEntries();
        _kit.Clock.Advance(TimeSpan.FromDays(31));

        var result = await _kit.Rotate("due");

        Assert.Equal(["JWT_SECRET_KEY", "SESSION_SECRET"], result.Rotated.Select(r => r.Name));
        Assert.All(result.Rotated, r => Assert.Equal(_kit.Clock.Now.AddDays(30), r.NextRotation));
        Assert.Empty((await _kit.Check(enforce: true)).Diagnostics);
        var after = _kit.StoredEntries();
        Assert.All(before.Keys.Except(["JWT_SECRET_KEY", "SESSION_SECRET"]), name => Assert.Equal(before[name], after[name]));
    }

    [Fact]
    public async Task A_production_build_fails_on_an_overdue_secret_until_it_is_rotated()
    {
        _kit.Environment = "production";
        _kit.Variables["OPENAI_API_KEY"] = "sk-provider-issued-0001";
        _kit.Variables["ANTHROPIC_API_KEY"] = "sk-ant-provider-issued-0001";
        _kit.Variables["GOOGLE_API_KEY"] = "AIza-provider-issued-0001";
        var first = await _kit.Provision();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        _kit.Clock.Advance(TimeSpan.FromDays(31));

        var failing = await _kit.Provision();
        Assert.False(failing.Succeeded);
        Assert.Contains(failing.Diagnostics, d => d.Code == DiagnosticCodes.RotationOverdue && d.Severity == SecretsSeverity.Error);

        Assert.True((await _kit.Rotate("jwt_secrets")).Succeeded);
        Assert.True((await _kit.Provision()).Succeeded);
    }
}
