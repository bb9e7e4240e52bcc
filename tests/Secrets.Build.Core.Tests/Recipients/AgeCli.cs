using System.Diagnostics;

namespace Secrets.Build.Core.Tests.Recipients;

/// <summary>Runs the real <c>age</c> and <c>age-keygen</c> binaries (Debian: <c>apt-get install age</c>).</summary>
internal static class AgeCli
{
    public static string? AgePath { get; } = Find("age");

    public static string? KeygenPath { get; } = Find("age-keygen");

    public static bool Installed => AgePath is not null && KeygenPath is not null;

    /// <summary>Runs a binary with <paramref name="stdin"/> and returns its standard output; a non-zero exit fails the test with its stderr.</summary>
    public static byte[] Run(string path, byte[] stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(stdin);
        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(path)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {error.Result}");
        return output.ToArray();
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}

/// <summary>A test that needs the real age binaries; skipped, saying how to install them, when they are missing.</summary>
internal sealed class AgeCliFactAttribute : FactAttribute
{
    public AgeCliFactAttribute()
    {
        if (!AgeCli.Installed)
        {
            Skip = "The age and age-keygen binaries are not on PATH; install them (Debian/Ubuntu: apt-get install age) to run this interoperability test.";
        }
    }
}
