using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>What to rotate; the <c>RotateSecrets</c> target fills it from <c>-p:SecretsRotate=...</c>.</summary>
public sealed record RotateOptions : LifecycleOptions
{
    /// <summary>
    /// Categories (<c>jwt_secrets</c>), secret names (<c>JWT_SECRET_KEY</c>), <c>due</c> (overdue or
    /// due within the warning window) or <c>all</c>; any case. An unknown selector (SECB503)
    /// rotates nothing.
    /// </summary>
    public required IReadOnlyList<string> Selectors { get; init; }

    /// <summary>How many replaced values each rotated secret keeps in the store; older ones are dropped.</summary>
    public int RetiredVersionsKept { get; init; } = PreviousValues.DefaultRetiredVersionsKept;

    /// <summary>Whether to rewrite <c>.env</c>, compose override and Kubernetes manifest.</summary>
    public bool WriteOutputs { get; init; } = true;

    /// <summary>
    /// Reported before each selected secret with how many are done and the total, then once more when all
    /// are (Completed equals Total), before the store is saved. It runs on the operation's thread
    /// under the environment's lock, so it must be quick. Null reports nothing.
    /// </summary>
    public IProgress<SecretsProgress>? Progress { get; init; }
}
