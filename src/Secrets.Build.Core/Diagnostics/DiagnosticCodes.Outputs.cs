namespace Secrets.Build.Core.Diagnostics;

/// <summary>SECB3xx: the plaintext outputs (.env, docker-compose override, Kubernetes Secret, .gitignore).</summary>
internal static partial class DiagnosticCodes
{
    /// <summary>
    /// A value cannot be written to a <c>.env</c> file in a form that docker compose, node's
    /// <c>dotenv</c> and bash all read back identically (for example it holds both a single quote
    /// and a <c>$</c>, a carriage return, or ends with a backslash). The value is never shown.
    /// </summary>
    public const string EnvValueNotRepresentable = "SECB301";

    /// <summary>A variable name is not an environment-variable name (<c>[A-Za-z_][A-Za-z0-9_]*</c>).</summary>
    public const string InvalidVariableName = "SECB302";

    /// <summary>The same variable appears twice in one output or one <c>.env</c> file.</summary>
    public const string DuplicateVariable = "SECB303";

    /// <summary>A <c>.env</c> line that is neither blank, a comment nor <c>NAME=value</c>.</summary>
    public const string EnvFileSyntax = "SECB304";

    /// <summary>A quoted value in a <c>.env</c> file that is never closed.</summary>
    public const string EnvFileUnterminatedQuote = "SECB305";

    /// <summary>
    /// Warning: a <c>.env</c> value holds <c>$</c> where docker compose and bash expand variables but
    /// node's <c>dotenv</c> does not; it was read literally.
    /// </summary>
    public const string EnvFileAmbiguousExpansion = "SECB306";

    /// <summary>An environment name that cannot be part of a file name (empty, or not <c>[a-z0-9_-]</c>).</summary>
    public const string InvalidEnvironmentName = "SECB307";

    /// <summary>The project or environment name cannot form a Kubernetes object name or label value.</summary>
    public const string InvalidKubernetesName = "SECB308";

    /// <summary>A service name docker compose would not accept (<c>[a-zA-Z0-9][a-zA-Z0-9_.-]*</c>).</summary>
    public const string InvalidServiceName = "SECB309";

    /// <summary>
    /// A <c>.env.&lt;env&gt;</c>, compose override or Kubernetes manifest exists without the Secrets.Build
    /// marker line, so another tool or a person wrote it; nothing was written over it.
    /// </summary>
    public const string ForeignOutput = "SECB310";

    /// <summary>A file without the Secrets.Build marker could not be moved to <c>secrets/backup/</c>; nothing was replaced.</summary>
    public const string ForeignOutputBackupFailed = "SECB311";
}
