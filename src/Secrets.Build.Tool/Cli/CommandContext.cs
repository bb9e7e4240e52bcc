using System.CommandLine;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Tool.Output;

namespace Secrets.Build.Tool.Cli;

/// <summary>What a command's body gets: its parsed line, the resolved settings and the output.</summary>
internal sealed record CommandContext(ParseResult Parse, ToolSettings Settings, ToolOutput Output)
{
    public void Report(IEnumerable<SecretsDiagnostic> diagnostics) => Output.Report(diagnostics);

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => Parse.GetValue(argument);
}
