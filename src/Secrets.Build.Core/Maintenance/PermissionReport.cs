using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Maintenance;

/// <summary>What a permission check or repair found. Holds paths and modes, never file content.</summary>
/// <remarks><see cref="OperationResult.Diagnostics"/> holds one diagnostic per file or folder with the wrong mode (with its chmod fix), or that could not be repaired.</remarks>
public sealed record PermissionReport : OperationResult
{
    /// <summary>Every file and folder whose mode was looked at.</summary>
    public ImmutableArray<string> Checked { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>The files and folders whose mode a repair changed.</summary>
    public ImmutableArray<string> Repaired { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>True when nothing has (or, after a repair, still has) a wrong mode.</summary>
    public bool IsClean => !Diagnostics.Any(d => d.Severity is SecretsSeverity.Error or SecretsSeverity.Warning);
}
