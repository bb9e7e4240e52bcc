using System.Text;

namespace Secrets.Build.Core.Outputs;

/// <summary>Renders <c>.env.&lt;env&gt;</c>: a header comment and one <c>NAME=value</c> line per secret.</summary>
internal static class EnvFileRenderer
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
        using var output = Render(values, environment, out _);
        return output.ToText();
    }

    /// <summary>The file's UTF-8 bytes, as <see cref="Render(IReadOnlyList{ValueTuple{string, string}}, string)"/>
    /// describes; the caller disposes the result, which wipes it.</summary>
    internal static Utf8Output Render(IReadOnlyList<(string Name, string Value)> values, string environment, out string fileName)
    {
        var env = OutputPaths.Normalize(environment);
        fileName = OutputPaths.EnvFile(env);
        VariableNames.EnsureValidAndUnique(values, fileName);

        var output = new Utf8Output(EstimateSize(values));
        try
        {
            output.Append(OutputMarker.Prefix).Append(" plaintext secrets of the '").Append(env).Append("' environment.\n");
            output.Append("# Never commit this file. It is rewritten from secrets/.env.").Append(env).Append(".json on every build.\n");
            for (var i = 0; i < values.Count; i++)
            {
                var (name, value) = values[i];
                output.Append(name).Append('=').Append(EnvValueEncoder.Encode(name, value, fileName)).Append('\n');
            }

            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    /// <summary>Header, names, values and a little for quotes: right for ASCII values, the buffer grows for others.</summary>
    private static int EstimateSize(IReadOnlyList<(string Name, string Value)> values)
    {
        var size = 256;
        for (var i = 0; i < values.Count; i++)
        {
            size += values[i].Name.Length + values[i].Value.Length + 4;
        }

        return size;
    }
}
