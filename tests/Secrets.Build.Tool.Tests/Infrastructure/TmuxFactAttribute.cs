namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>
/// A test that needs tmux for a real terminal (and any other programs it names); skipped, saying
/// how to install what is missing, when one is not on PATH.
/// </summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute(params string[] alsoNeeds)
    {
        if (Tmux.Path is null)
        {
            Skip = "tmux is not on PATH; install it (Debian: apt-get install tmux) to run the terminal tests. .ci/run installs it.";
        }
        else if (alsoNeeds.FirstOrDefault(program => Tmux.Find(program) is null) is { } missing)
        {
            Skip = $"{missing} is not on PATH; this terminal test runs it as the child of 'secrets-build run'.";
        }
    }
}
