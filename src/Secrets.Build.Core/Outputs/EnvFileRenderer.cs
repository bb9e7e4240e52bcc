using System.Text;

namespace Secrets.Build.Core.Outputs;

/// <summary>Renders <c>.env.&lt;env&gt;</c>: a header comment and one <c>NAME=value</c> line per secret.</summary>
public static class EnvFileRenderer
{
    /// <summary>
    /// The file text, with LF line endings (bash would keep a CR as part of the value).
    /// Values in <see cref="Schema.Alphabets.EnvSafe"/> are written unquoted; any other value is quoted so
    /// that docker compose v2, node's <c>dotenv</c> and bash <c>set -a; . ./.env</c> read it back
    /// identically, or refused.
    /// </summary>
    /// <param name="values">Names and values, written in this order.</param>
    /// <param name="environment">The environment, named in the header.</param>
    /// <exception cref="Diagnostics.SecretsException">SECB301 for a value no form can carry (the message
    /// names the variable and why, never the value), SECB302 for an invalid name, SECB303 for a repeated one,
    /// SECB307 for an invalid environment name.</exception>
    public static string Render(IReadOnlyList<(string Name, string Value)> values, string environment)
    {
        var env = OutputPaths.Normalize(environment);
        var output = OutputPaths.EnvFile(env);
        VariableNames.EnsureValidAndUnique(values, output);

        var text = new StringBuilder();
        text.Append("# Secrets.Build: plaintext secrets of the '").Append(env).Append("' environment.\n");
        text.Append("# Never commit this file. It is rewritten from secrets/.env.").Append(env).Append(".json on every build.\n");
        foreach (var (name, value) in values)
        {
            text.Append(name).Append('=').Append(EnvValueEncoder.Encode(name, value, output)).Append('\n');
        }

        return text.ToString();
    }
}
