namespace Secrets.Build.Tool.Tests.Infrastructure;

/// <summary>A test that needs tmux for a real terminal; skipped, saying how to install it, when tmux is missing.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (Tmux.Path is null)
        {
            Skip = "tmux is not on PATH; install it (Debian: apt-get install tmux) to run the terminal tests. .ci/run installs it.";
        }
    }
}
