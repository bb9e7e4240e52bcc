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
    public const string ComposeV1 = "docker-compose v1";
    public const string Kubectl = "kubectl";
    public const string Git = "git";
    public const string Python = "python3";
    public const string Flock = "flock";

    /// <summary>
    /// How to run compose v2: the docker CLI plugin (<c>docker compose</c>) or the standalone v2 binary
    /// (<c>docker-compose</c>, as Debian's package also installs it). Compose v1 (1.x) is not accepted:
    /// its .env parser is a different one.
    /// </summary>
    public static Lazy<(string FileName, string[] Prefix)?> ComposeCommand { get; } = new(() =>
    {
        foreach (var (file, prefix) in new[] { ("docker", new[] { "compose" }), ("docker-compose", Array.Empty<string>()) })
        {
            if (!ExternalProcess.OnPath(file))
            {
                continue;
            }

            try
            {
                var result = ExternalProcess.Run(file, [.. prefix, "version", "--short"], timeout: TimeSpan.FromSeconds(30));
                if (result.ExitCode == 0 && result.StandardOutput.TrimStart('v', 'V').StartsWith('2'))
                {
                    return (file, prefix);
                }
            }
            catch (Exception)
            {
                // Not runnable here: try the next form.
            }
        }

        return null;
    });

    /// <summary>
    /// Compose v1 (1.x, Python): Debian 12's <c>docker-compose</c> package, installed by .ci/run with
    /// <c>install-compose-v1.sh</c>. The sample and the generated override must stay valid for it.
    /// </summary>
    public static Lazy<(string FileName, string[] Prefix)?> ComposeV1Command { get; } = new(() =>
    {
        if (!ExternalProcess.OnPath("docker-compose"))
        {
            return null;
        }

        try
        {
            var result = ExternalProcess.Run("docker-compose", ["version", "--short"], timeout: TimeSpan.FromSeconds(30));
            return result.ExitCode == 0 && result.StandardOutput.TrimStart('v', 'V').StartsWith('1') ? ("docker-compose", []) : null;
        }
        catch (Exception)
        {
            return null;
        }
    });

    /// <summary>Null when the tool is here, else why the test is skipped.</summary>
    public static string? MissingReason(string tool)
    {
        var present = tool switch
        {
            Compose => ComposeCommand.Value is not null,
            ComposeV1 => ComposeV1Command.Value is not null,
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
            ComposeV1 => "docker-compose 1.x (Debian 12: apt-get install docker-compose)",
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
