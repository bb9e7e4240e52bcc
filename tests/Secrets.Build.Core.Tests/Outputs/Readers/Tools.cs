namespace Secrets.Build.Core.Tests.Outputs.Readers;

/// <summary>
/// Which real readers this machine has. A test that needs a missing one is skipped with a message
/// saying what to install (CI installs all of them, see .ci/run).
/// </summary>
internal static class Tools
{
    public const string Bash = "bash";
    public const string Node = "node";
    public const string Compose = "docker compose";
    public const string Kubectl = "kubectl";
    public const string Git = "git";

    private static readonly Lazy<bool> HasCompose = new(() =>
    {
        if (!ExternalProcess.OnPath("docker"))
        {
            return false;
        }

        try
        {
            var result = ExternalProcess.Run("docker", ["compose", "version"], timeout: TimeSpan.FromSeconds(30));
            return result.ExitCode == 0 && result.StandardOutput.Contains("version", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception)
        {
            return false;
        }
    });

    /// <summary>Null when the tool is here, else why the test is skipped.</summary>
    public static string? MissingReason(string tool)
    {
        var present = tool switch
        {
            Compose => HasCompose.Value,
            Node => ExternalProcess.OnPath("node") && ExternalProcess.OnPath("npm"),
            _ => ExternalProcess.OnPath(tool),
        };
        if (present)
        {
            return null;
        }

        var install = tool switch
        {
            Compose => "the docker CLI with the compose v2 plugin (Debian: docker-compose 2.x)",
            Node => "node and npm (Debian: nodejs npm)",
            Kubectl => "kubectl",
            _ => tool,
        };
        return $"'{tool}' is not installed here; install {install} to run this test against the real reader.";
    }
}

/// <summary>A fact that runs only where every named tool exists.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(params string[] tools)
    {
        Skip = tools.Select(Tools.MissingReason).FirstOrDefault(r => r is not null);
    }
}

/// <summary>A theory that runs only where every named tool exists.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools)
    {
        Skip = tools.Select(Tools.MissingReason).FirstOrDefault(r => r is not null);
    }
}
