using System.Diagnostics;
using System.Text;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance;

/// <summary>
/// Runs one <c>git</c> command and waits at most <paramref name="Timeout"/> for it: a repository on
/// a hung network share, or a configuration that makes git wait for something, must not stall
/// the report (and with it the build that asked for it) for ever.
/// </summary>
/// <param name="FileName">The git executable: <c>git</c>, found on PATH.</param>
/// <param name="Timeout">How long a command may run before it is stopped.</param>
internal sealed record GitCommand(string FileName, TimeSpan Timeout)
{
    /// <summary>The exit code and output; null when git could not be started.</summary>
    /// <param name="workingDirectory">Where git runs.</param>
    /// <param name="arguments">The arguments after <c>git</c>.</param>
    /// <param name="input">What git reads on its standard input; closed at once when null.</param>
    /// <exception cref="SecretsException">SECB561 when the command does not finish within <see cref="Timeout"/>.</exception>
    public (int ExitCode, string Output, string Error)? Run(string workingDirectory, IReadOnlyList<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(FileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A repository's own configuration must not turn on a pager or ask for credentials.
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        if (process is null)
        {
            return null;
        }

        using (process)
        {
            // Output, error and input all move at once, so no full pipe can hold git (or this
            // process) up, and the one wait below bounds the whole command.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var feed = Feed(process.StandardInput, input);
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new SecretsException(SecretsDiagnostic.Error(
                    DiagnosticCodes.GitCommandTimedOut,
                    $"'git {arguments.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='))}' in {workingDirectory} did not finish within {Timeout.TotalSeconds:0.#} s and was stopped.",
                    "Check that the repository is on a reachable disk and that git works there (run 'git status' in it), then run the report again.",
                    SourceLocation.ForFile(workingDirectory)));
            }

            process.WaitForExit();
            feed.Wait();
            return (process.ExitCode, output.Result, error.Result);
        }
    }

    private static async Task Feed(StreamWriter standardInput, string? input)
    {
        try
        {
            if (input is not null)
            {
                await standardInput.WriteAsync(input).ConfigureAwait(false);
            }

            standardInput.Close();
        }
        catch (IOException)
        {
            // git exited without reading everything (or was stopped): its answer says what happened.
        }
    }
}
