using System.Collections;
using Microsoft.Build.Framework;

namespace Secrets.Build.IntegrationTests.Tasks;

/// <summary>An <see cref="IBuildEngine"/> that keeps every event, so tests assert exact log text (after sourcelink's MockEngine).</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public const string ProjectFile = "/repo/App/App.csproj";

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    /// <summary>Every logged line, errors and warnings included, for leak checks.</summary>
    public IEnumerable<string> AllText =>
        Errors.Select(e => $"{e.File} {e.Code} {e.Message}")
            .Concat(Warnings.Select(w => $"{w.File} {w.Code} {w.Message}"))
            .Concat(Messages.Select(m => m.Message ?? string.Empty));

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 42;

    public int ColumnNumberOfTaskNode => 5;

    public string ProjectFileOfTaskNode => ProjectFile;

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The task under test builds no projects.");
}
