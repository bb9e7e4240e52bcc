namespace Secrets.Build.Core.Trust;

/// <summary>
/// What an operation may accept beyond what this machine's trust record allows, and the
/// generation a pipeline requires. Every operation that opens a store takes these; the MSBuild
/// targets fill them from <c>SecretsAcceptRollback</c> and <c>SecretsMinimumGeneration</c>.
/// </summary>
public sealed record TrustOptions
{
    /// <summary>No acceptance, no pinned generation.</summary>
    public static TrustOptions None { get; } = new();

    /// <summary>
    /// The environment's name, typed again, to accept an older generation (SECB700) or another
    /// store id (SECB701) for this one run; anything else accepts nothing. The acceptance is
    /// written to the audit trail.
    /// </summary>
    public string? AcceptRollback { get; init; }

    /// <summary>
    /// The lowest generation the store may have (SECB705), as text: the MSBuild property passes
    /// it through unparsed so that it and <c>SECRETS_BUILD_MIN_GENERATION_&lt;ENV&gt;</c> are
    /// checked the same way (SECB706). Empty means none; with both set, the higher one holds.
    /// </summary>
    public string? MinimumGeneration { get; init; }

    /// <summary>Set by a confirmed regeneration: the environment starts over, so a vanished or replaced store is expected.</summary>
    internal bool StartingOver { get; init; }

    /// <summary>Set by VerifySecretsAudit: it verifies the whole trail against the recorded head and reports what it finds, so the open does not stop at the trail's end.</summary>
    internal bool VerifiesTrail { get; init; }

    internal bool Accepts(string environment) =>
        string.Equals(AcceptRollback?.Trim(), environment, StringComparison.OrdinalIgnoreCase);
}
