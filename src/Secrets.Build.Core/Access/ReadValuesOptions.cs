using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Access;

/// <summary>
/// Which current values to decrypt for a caller that hands them on itself (<c>secrets-build run</c>
/// puts them in a child process's environment, <c>secrets-build get</c> prints one).
/// </summary>
public sealed record ReadValuesOptions : LifecycleOptions
{
    /// <summary>Secret names to read (any case); empty means every declared secret the store holds.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>
    /// Whether to add <c>NAME__PREVIOUS</c> for a value replaced within the grace period, as
    /// <c>.env.&lt;env&gt;</c> carries it.
    /// </summary>
    public bool IncludePrevious { get; init; }

    /// <summary>How long after its rotation a replaced value is still handed out as <c>NAME__PREVIOUS</c>.</summary>
    public TimeSpan GracePeriod { get; init; } = PreviousValues.DefaultGracePeriod;
}
