namespace Secrets.Build.Core.Compliance;

/// <summary>Where an environment's report files go: next to its store in <c>secrets/</c>.</summary>
internal static class ReportPaths
{
    /// <summary><c>secrets/.env.&lt;env&gt;.compliance.json</c>.</summary>
    public static string Json(string secretsDirectory, string environment) => Path.Combine(secretsDirectory, $".env.{environment}.compliance.json");

    /// <summary><c>secrets/.env.&lt;env&gt;.compliance.md</c>.</summary>
    public static string Markdown(string secretsDirectory, string environment) => Path.Combine(secretsDirectory, $".env.{environment}.compliance.md");

    /// <summary><c>secrets/.env.&lt;env&gt;.compliance.sarif</c>.</summary>
    public static string Sarif(string secretsDirectory, string environment) => Path.Combine(secretsDirectory, $".env.{environment}.compliance.sarif");
}
