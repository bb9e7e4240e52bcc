using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.CheckTrust;

/// <summary>What the store file says of its generation and what this machine remembers of it.</summary>
/// <remarks><see cref="OperationResult.Diagnostics"/> holds SECB700 (older than seen), SECB701 (another store id), SECB705/706 (pinned minimum), SECB707 (damaged record); SECB708 when accepted.</remarks>
public sealed record CheckTrustResult : OperationResult
{
    /// <summary>The generation the store file states (checked against its MAC only when the store is opened with a key); null without a store.</summary>
    public int? Generation { get; init; }

    /// <summary>The trust folder's path (one record per store and per workspace), or null when there is no key folder outside the workspace (nothing is remembered).</summary>
    public string? RecordPath { get; init; }

    /// <summary>The highest generation this machine saw of the store this workspace's environment last used; null when none was seen.</summary>
    public int? LastSeenGeneration { get; init; }
}
