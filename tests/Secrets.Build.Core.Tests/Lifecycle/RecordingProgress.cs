using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Lifecycle;

/// <summary>Keeps every progress report in order. Synchronous, unlike Progress&lt;T&gt;, so a test sees them all when the call returns.</summary>
internal sealed class RecordingProgress : IProgress<SecretsProgress>
{
    public List<SecretsProgress> Reports { get; } = [];

    public void Report(SecretsProgress value) => Reports.Add(value);

    /// <summary>What an operation over <paramref name="total"/> items reports: 0 of total, 1 of total, … total of total.</summary>
    public static IEnumerable<SecretsProgress> UpTo(int total) => Enumerable.Range(0, total + 1).Select(done => new SecretsProgress(done, total));
}
