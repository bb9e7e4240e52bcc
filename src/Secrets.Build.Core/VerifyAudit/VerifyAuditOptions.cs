using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.VerifyAudit;

/// <summary>
/// What <see cref="SecretsManager.VerifyAuditAsync"/> needs: where the environment's store and trail
/// are, and where its key is. The <c>VerifySecretsAudit</c> MSBuild target fills it from its properties.
/// </summary>
public sealed record VerifyAuditOptions
{
    /// <summary>The folder that holds <c>secrets/</c> (the schema's folder).</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>The environment, case-insensitive; files use lower case.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>Where key and identity files live; defaults to the per-user config folder.</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>The environment variables keys and identities are read from. Null means the process environment.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>
    /// A head recorded earlier (<see cref="VerifyAuditResult.Head"/> of a previous run, kept in a CI log or
    /// artifact). When given, a trail that ends before it or differs at it is an error (SECB529): the
    /// newest lines were cut off, which the chain alone cannot show.
    /// </summary>
    public AuditHead? ExpectedHead { get; init; }

    /// <summary>What this run accepts beyond the trust record, and the generation it requires (see <see cref="TrustOptions"/>).</summary>
    public TrustOptions Trust { get; init; } = TrustOptions.None;
}
