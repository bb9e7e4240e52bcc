using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Rotation;

/// <summary>Due, overdue and enforced, reached by moving an injected clock.</summary>
public sealed class RotationTimeTravelTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static string[] Named(IEnumerable<SecretsDiagnostic> diagnostics, string code) =>
        [.. diagnostics.Where(d => d.Code == code).Select(d => d.Message.Split(' ')[0])];

    [Fact]
    public void The_metadata_only_check_finds_due_then_overdue_secrets_without_a_key()
    {
        _kit.Provision();

        Assert.Empty((_kit.Check()).Diagnostics);

        _kit.Clock.Advance(TimeSpan.FromDays(17));
        var dueSoon = _kit.Check();
        Assert.Equal(["JWT_SECRET_KEY", "SESSION_SECRET"], Named(dueSoon.Diagnostics, DiagnosticCodes.RotationDueSoon));
        Assert.Equal(RotationState.DueSoon, dueSoon.Statuses.Single(s => s.Name == "JWT_SECRET_KEY").State);

        _kit.Clock.Advance(TimeSpan.FromDays(14));
        var overdue = _kit.Check();
        Assert.True(overdue.Succeeded);
        Assert.Equal(["JWT_SECRET_KEY", "SESSION_SECRET"], Named(overdue.Diagnostics, DiagnosticCodes.RotationOverdue));
        Assert.All(overdue.Diagnostics.Where(d => d.Code == DiagnosticCodes.RotationOverdue), d => Assert.Equal(SecretsSeverity.Warning, d.Severity));

        var enforced = _kit.Check(enforce: true);
        Assert.False(enforced.Succeeded);
        Assert.All(enforced.Diagnostics.Where(d => d.Code == DiagnosticCodes.RotationOverdue), d => Assert.Equal(SecretsSeverity.Error, d.Severity));
    }

    [Fact]
    public void Rotating_what_is_due_clears_the_warnings_and_touches_nothing_else()
    {
        _kit.Provision();
        var before = _kit.StoredEntries();
        _kit.Clock.Advance(TimeSpan.FromDays(31));

        var result = _kit.Rotate("due");

        Assert.Equal(["JWT_SECRET_KEY", "SESSION_SECRET"], result.Rotated.Select(r => r.Name));
        Assert.All(result.Rotated, r => Assert.Equal(_kit.Clock.Now.AddDays(30), r.NextRotation));
        Assert.Empty((_kit.Check(enforce: true)).Diagnostics);
        var after = _kit.StoredEntries();
        Assert.All(before.Keys.Except(["JWT_SECRET_KEY", "SESSION_SECRET"]), name => Assert.Equal(before[name], after[name]));
    }

    [Fact]
    public void A_production_build_fails_on_an_overdue_secret_until_it_is_rotated()
    {
        _kit.Environment = "production";
        _kit.Variables["OPENAI_API_KEY"] = "sk-provider-issued-0001";
        _kit.Variables["ANTHROPIC_API_KEY"] = "sk-ant-provider-issued-0001";
        _kit.Variables["GOOGLE_API_KEY"] = "AIza-provider-issued-0001";
        var first = _kit.Provision();
        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        _kit.Clock.Advance(TimeSpan.FromDays(31));

        var failing = _kit.Provision();
        Assert.False(failing.Succeeded);
        Assert.Contains(failing.Diagnostics, d => d.Code == DiagnosticCodes.RotationOverdue && d.Severity == SecretsSeverity.Error);

        Assert.True((_kit.Rotate("jwt_secrets")).Succeeded);
        Assert.True((_kit.Provision()).Succeeded);
    }
}
