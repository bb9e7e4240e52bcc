using System.Diagnostics;
using System.Text;

namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>The outcome of one <c>dotnet</c> command: exit code and everything it printed.</summary>
internal sealed record CommandResult(int ExitCode, string Output, string CommandLine)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Failure text for assertions: the command and its output, which never holds a value
    /// because the tests assert exactly that separately.</summary>
    public override string ToString() => $"> {CommandLine} (exit {ExitCode})\n{Output}";
}

/// <summary>
/// Runs the real <c>dotnet</c> CLI with an environment scrubbed of everything that would make a
/// test depend on the machine: inherited SECRETS_*, CI flags, and the MSBuild variables that
/// <c>dotnet test</c> sets for its own build (they would pin child builds to the wrong SDK paths).
/// </summary>
internal static class DotNetCli
{
    private static readonly string[] ToxicPrefixes = ["SECRETS_", "SECRET_", "MSBUILD", "VSTEST", "NUGET_", "DOTNET_HOST_PATH"];
    private static readonly string[] ToxicNames = ["CI", "TF_BUILD", "GITHUB_ACTIONS"];

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in LeakLedger.WithBuildLog(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.ToList())
        {
            if (ToxicNames.Contains(name, StringComparer.OrdinalIgnoreCase) ||
                ToxicPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node outlives a test: a reused node would keep an old task dll and environment.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        LeakLedger.RecordOutputs(workingDirectory);

        return new CommandResult(process.ExitCode, output.ToString(), "dotnet " + string.Join(' ', arguments));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
