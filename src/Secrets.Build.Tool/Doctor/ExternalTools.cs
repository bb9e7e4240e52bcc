using System.Diagnostics;

namespace Secrets.Build.Tool.Doctor;

/// <summary>Runs a small command (git, docker, kubectl) and returns its exit code and first output line, or null when it is not installed.</summary>
internal static class ExternalTools
{
    public static (int ExitCode, string Output)? Run(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            _ = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Split('\n')[0].Trim());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
