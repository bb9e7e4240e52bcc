using Secrets.Build.Core.Compliance;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.Compliance;

/// <summary>How the compliance report runs git: values on standard input only, and never without a time limit.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class GitRepositoryTests : IDisposable
{
    private const string Value = "k9Qv2-not-a-real-secret-Zt7w";

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Repository => _dir.Combine("repo");

    [ToolFact(Tools.Git, Tools.Bash)]
    public void Tracked_files_holding_a_value_are_found_with_the_values_given_to_git_on_standard_input_only()
    {
        InitRepository(("leak.txt", $"token={Value}\n"), ("clean.txt", "nothing here\n"));
        // A git that records its arguments, then runs the real one.
        var log = _dir.Combine("arguments.log");
        var git = Script("recording-git", $"printf '%s\\n' \"$@\" >> '{log}'\nexec git \"$@\"\n");

        var repository = Assert.IsType<GitRepository>(GitRepository.Find(Repository, new GitCommand(git, TimeSpan.FromMinutes(1)), out var reason), exactMatch: false);
        var found = repository.TrackedFilesContaining(["absent-value-1234", Value]);

        Assert.Equal(string.Empty, reason);
        Assert.Equal(["leak.txt"], found);
        var arguments = File.ReadAllLines(log);
        Assert.Contains("grep", arguments);
        Assert.Equal("-", arguments[Array.IndexOf(arguments, "-f") + 1]);
        Assert.DoesNotContain(arguments, a => a.Contains(Value, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "secrets-build-*.patterns"));
    }

    [ToolFact(Tools.Git, Tools.Bash)]
    public void A_git_that_does_not_answer_in_time_is_stopped_with_SECB561()
    {
        InitRepository(("a.txt", "a\n"));
        var hanging = Script("hanging-git", "exec sleep 600\n");

        var error = Assert.Throws<SecretsException>(() => GitRepository.Find(Repository, new GitCommand(hanging, TimeSpan.FromSeconds(1)), out _));

        Assert.Equal(DiagnosticCodes.GitCommandTimedOut, error.Code);
        Assert.Contains("'git rev-parse'", error.Message, StringComparison.Ordinal);
        Assert.Equal(Repository, error.Diagnostics[0].Location?.File);
    }

    private void InitRepository(params (string Name, string Text)[] files)
    {
        Directory.CreateDirectory(Repository);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(Repository, name), text);
        }

        foreach (var command in new[] { new[] { "init", "-q" }, ["add", "."] })
        {
            var result = ExternalProcess.Run("git", command, Repository, timeout: TimeSpan.FromMinutes(1));
            Assert.True(result.ExitCode == 0, result.StandardError);
        }
    }

    private string Script(string name, string body)
    {
        var path = _dir.Combine(name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
