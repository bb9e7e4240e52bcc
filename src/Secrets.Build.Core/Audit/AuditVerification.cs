using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Audit;

/// <summary>The outcome of <see cref="AuditTrail.Verify(AuditHead?)"/>.</summary>
/// <param name="LinesChecked">Lines that verified before the first problem (all of them when valid).</param>
/// <param name="FilesChecked">Trail files read, rolled-over ones included.</param>
/// <param name="Head">The last verified line's sequence number and MAC.</param>
/// <param name="Error">The first problem, with the file and line number; null when the chain is intact.</param>
internal sealed record AuditVerification(long LinesChecked, int FilesChecked, AuditHead Head, SecretsDiagnostic? Error)
{
    /// <summary>
    /// The trail files read, oldest first: the rolled-over files (<c>.audit.1.jsonl</c>, ...) and then
    /// the active one. Stops at the file with the first problem.
    /// </summary>
    public IReadOnlyList<string> Files { get; init; } = Array.Empty<string>();

    /// <summary>True when every line verified (a missing trail is valid: there is nothing to check).</summary>
    public bool IsValid => Error is null;
}
