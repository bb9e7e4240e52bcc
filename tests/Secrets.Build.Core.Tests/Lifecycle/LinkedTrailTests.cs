using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Tests.Lifecycle;

/// <summary>A lifecycle operation refuses a linked audit trail before it saves anything, not at its final append.</summary>
public sealed class LinkedTrailTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [UnixFact]
    public void A_rotation_with_a_linked_trail_is_SECB553_and_saves_nothing()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var victim = _kit.Workspace.Path_("../victim.txt");
        File.WriteAllText(victim, "someone else's file\n");
        File.Delete(_kit.AuditPath);
        File.CreateSymbolicLink(_kit.AuditPath, victim);
        var before = _kit.Workspace.Snapshot();

        var result = _kit.Rotate("jwt_secrets");

        Assert.Equal(DiagnosticCodes.SymbolicLinkSkipped, Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error).Code);
        Assert.Equal(before, _kit.Workspace.Snapshot());
        Assert.Equal("someone else's file\n", File.ReadAllText(victim));
    }
}
