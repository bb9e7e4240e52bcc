namespace Secrets.Build.Tool.Cli;

/// <summary>The tool's exit codes, documented in the README. <c>run</c> passes its command's code through instead.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked; warnings may have been printed.</summary>
    public const int Success = 0;

    /// <summary>At least one error diagnostic (SECBxxx) was printed on stderr.</summary>
    public const int Error = 1;

    /// <summary>The command line itself was wrong: an unknown command or option, a missing argument.</summary>
    public const int Usage = 2;
}
