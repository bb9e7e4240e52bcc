using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>A due-date check that reads only the plaintext metadata file: no key, no decryption.</summary>
public sealed record CheckRotationOptions : LifecycleOptions
{
    /// <summary>Whether an overdue secret is an error rather than a warning. Null means: only for production.</summary>
    public bool? EnforceRotation { get; init; }
}
