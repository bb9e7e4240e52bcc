using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.Outputs;

public sealed class GitIgnoreUpdaterTests
{
    private static readonly string[] Development = [.. OutputPaths.PlaintextOutputs("development")];

    [Fact]
    public void Creates_a_marked_block_when_there_is_no_file()
    {
        var text = GitIgnoreUpdater.Update(null, Development);

        Assert.Equal(
            $"{GitIgnoreUpdater.BlockStart}\n.env.development\ndocker-compose.development.override.yml\nk8s-secrets-development.yaml\n{GitIgnoreUpdater.BlockEnd}\n",
            text);
    }

    [Fact]
    public void Keeps_the_users_lines_and_appends_the_block_after_them()
    {
        var text = GitIgnoreUpdater.Update("bin/\nobj/", Development)!;

        Assert.StartsWith($"bin/\nobj/\n\n{GitIgnoreUpdater.BlockStart}\n", text);
    }

    [Fact]
    public void Returns_null_when_every_entry_is_there_so_the_file_is_left_alone()
    {
        var once = GitIgnoreUpdater.Update("bin/\n", Development)!;

        Assert.Null(GitIgnoreUpdater.Update(once, Development));
    }

    [Fact]
    public void Adds_a_new_environment_inside_the_existing_block_without_repeating_entries()
    {
        var once = GitIgnoreUpdater.Update("bin/\n", Development)!;

        var twice = GitIgnoreUpdater.Update(once, [.. OutputPaths.PlaintextOutputs("production"), .. Development])!;

        var lines = twice.Split('\n');
        Assert.Single(lines, l => l == GitIgnoreUpdater.BlockStart);
        Assert.Single(lines, l => l == ".env.development");
        Assert.Equal(".env.production", lines[Array.IndexOf(lines, GitIgnoreUpdater.BlockEnd) - 3]);
    }

    [Fact]
    public void An_entry_the_user_already_wrote_is_not_added_again()
    {
        var text = GitIgnoreUpdater.Update("/.env.development\n", Development)!;

        Assert.DoesNotContain("\n.env.development\n", text);
        Assert.Contains("k8s-secrets-development.yaml", text);
    }

    [Fact]
    public void A_crlf_file_stays_crlf()
    {
        var text = GitIgnoreUpdater.Update("bin/\r\nobj/\r\n", Development)!;

        Assert.Equal(text.Split('\n').Length - 1, text.Split("\r\n").Length - 1);
        Assert.StartsWith("bin/\r\nobj/\r\n\r\n", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# comment")]
    [InlineData("!negation")]
    [InlineData("two\nlines")]
    public void Refuses_an_entry_that_is_not_one_pattern(string entry)
    {
        Assert.Throws<ArgumentException>(() => GitIgnoreUpdater.Update(null, [entry]));
    }

    [ToolFact(Tools.Git)]
    public void Git_ignores_the_plaintext_outputs_but_not_the_committed_store()
    {
        using var temp = new TempDirectory();
        var repo = temp.Path;
        Assert.Equal(0, ExternalProcess.Run("git", ["init", "-q"], repo).ExitCode);
        File.WriteAllText(Path.Combine(repo, ".gitignore"), GitIgnoreUpdater.Update("bin/\n", Development));

        Assert.True(IsIgnored(repo, OutputPaths.EnvFile("development")));
        Assert.True(IsIgnored(repo, OutputPaths.ComposeOverride("development")));
        Assert.True(IsIgnored(repo, OutputPaths.KubernetesSecret("development")));
        Assert.False(IsIgnored(repo, OutputPaths.Store("development")));
        Assert.False(IsIgnored(repo, OutputPaths.Metadata("development")));
    }

    private static bool IsIgnored(string repo, string path) =>
        ExternalProcess.Run("git", ["check-ignore", "-q", "--no-index", path], repo).ExitCode == 0;
}
