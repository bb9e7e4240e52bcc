namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>One run of secrets-build: its exit code and its two streams, kept apart.</summary>
public sealed record ToolResult(int ExitCode, string Stdout, string Stderr, string CommandLine)
{
    /// <summary>Failure text for assertions. It never holds a value: the tests assert that separately.</summary>
    public override string ToString() => $"> {CommandLine} (exit {ExitCode})\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
