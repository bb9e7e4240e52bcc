using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Rotation;

/// <summary>Which secrets' earlier values to read back from the store.</summary>
public sealed record PreviousValuesOptions : LifecycleOptions
{
    /// <summary>Secret names to read; empty means every declared secret that has earlier values.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>How long after its rotation a value counts as <see cref="PreviousValue.InGracePeriod"/>.</summary>
    public TimeSpan GracePeriod { get; init; } = PreviousValues.DefaultGracePeriod;
}
