using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.VerifyAudit;

/// <summary>
/// What <see cref="SecretsManager.VerifyAudit"/> needs: where the environment's store and trail
/// are, and where its key is. The <c>VerifySecretsAudit</c> MSBuild target fills it from its properties.
/// </summary>
public sealed record VerifyAuditOptions : OperationOptions
{
    /// <summary>
    /// A head recorded earlier (<see cref="VerifyAuditResult.Head"/> of a previous run, kept in a CI log or
    /// artifact). When given, a trail that ends before it or differs at it is an error (SECB529): the
    /// newest lines were cut off, which the chain alone cannot show.
    /// </summary>
    public AuditHead? ExpectedHead { get; init; }
}
