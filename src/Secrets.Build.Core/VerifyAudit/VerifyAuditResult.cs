using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.VerifyAudit;

/// <summary>What <see cref="SecretsManager.VerifyAudit"/> found. Holds no value and no key.</summary>
/// <remarks><see cref="OperationResult.Diagnostics"/> holds every error and warning: the break, why the trail could not be verified, key lookup warnings.</remarks>
public sealed record VerifyAuditResult : OperationResult
{
    /// <summary>The lower-case environment.</summary>
    public string Environment { get; init; } = string.Empty;

    /// <summary>The active trail file, <c>secrets/.env.&lt;env&gt;.audit.jsonl</c>.</summary>
    public string TrailPath { get; init; } = string.Empty;

    /// <summary>Lines that verified before the first problem (every line when the chain is intact).</summary>
    public long EntriesVerified { get; init; }

    /// <summary>The last verified line's sequence number and MAC; record it to detect a later cut (see <see cref="VerifyAuditOptions.ExpectedHead"/>).</summary>
    public AuditHead Head { get; init; } = AuditHead.Empty;

    /// <summary>The trail files read, oldest first, the active file last.</summary>
    public ImmutableArray<string> Files { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The rolled-over files (<c>.audit.&lt;n&gt;.jsonl</c>) among <see cref="Files"/>.</summary>
    public ImmutableArray<string> RolledOverFiles { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>
    /// The first line that does not verify: its SECB52x code, the file and line in
    /// <see cref="SecretsDiagnostic.Location"/>, what is wrong and the fix. Null when the chain is
    /// intact or could not be checked (then <see cref="Diagnostics"/> says why).
    /// </summary>
    public SecretsDiagnostic? Break { get; init; }
}
