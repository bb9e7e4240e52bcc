using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Provisioning;

/// <summary>Everything one provisioning run needs; the MSBuild task fills it from its properties.</summary>
public sealed record ProvisionOptions : LifecycleOptions
{
    /// <summary>Whether missing values may be generated. False on build servers and for production.</summary>
    public bool Generate { get; init; } = true;

    /// <summary>
    /// Whether an overdue secret is an error rather than a warning. Null means: only for production.
    /// </summary>
    public bool? EnforceRotation { get; init; }

    /// <summary>Whether to write <c>.env</c>, compose override and Kubernetes manifest.</summary>
    public bool WriteOutputs { get; init; } = true;
}
