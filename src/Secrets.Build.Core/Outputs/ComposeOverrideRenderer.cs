using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Renders <c>docker-compose.&lt;env&gt;.override.yml</c>: each service the schema names gets its secrets as
/// <c>${VAR}</c> references. The file holds no value: docker compose fills them in from
/// <c>--env-file .env.&lt;env&gt;</c>, so it is safe to show in a diff or a log.
/// </summary>
internal static class ComposeOverrideRenderer
{
    /// <summary>
    /// The override text. Services and variables are in ordinal order, so the file only changes
    /// when the schema's mapping does.
    /// </summary>
    /// <exception cref="SecretsException">SECB302 for a name that is not a variable name, SECB309 for a
    /// service name compose rejects, SECB307 for an invalid environment name.</exception>
    public static string Render(SecretsSchema schema, string environment)
    {
        using var output = Render(schema, environment, out _);
        return output.ToText();
    }

    /// <summary>The override's UTF-8 bytes; the caller disposes the result.</summary>
    internal static Utf8Output Render(SecretsSchema schema, string environment, out string fileName)
    {
        var env = OutputPaths.Normalize(environment);
        fileName = OutputPaths.ComposeOverride(env);
        VariableNames.EnsureValidAndUnique(schema.Secrets, fileName);
        var byService = GroupByService(schema);

        var output = new Utf8Output(EstimateSize(schema));
        output.Append(OutputMarker.Prefix).Append(" which secrets each service of the '").Append(env).Append("' environment receives.\n");
        output.Append("# Values come from the env file; this file holds none. Use it as:\n");
        output.Append("#   docker compose -f docker-compose.yml -f ").Append(fileName)
            .Append(" --env-file ").Append(OutputPaths.EnvFile(env)).Append(" up\n");
        if (byService.Count == 0)
        {
            // Compose accepts an empty services map; "services:" alone would be null.
            output.Append("services: {}\n");
            return output;
        }

        output.Append("services:\n");

        // Arrays sorted with the ordinal comparer, not sorted collections: System.Collections'
        // generic code over Core's types is outside the ReadyToRun image, so every build JIT-compiled it.
        var services = new string[byService.Count];
        byService.Keys.CopyTo(services, 0);
        Array.Sort(services, StringComparer.Ordinal);
        foreach (var service in services)
        {
            output.Append("  ").Append(YamlScalar.Write(service)).Append(":\n");
            output.Append("    environment:\n");
            var names = byService[service].ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                // A service listed twice for one secret still gets the variable once.
                if (i > 0 && string.Equals(names[i], names[i - 1], StringComparison.Ordinal))
                {
                    continue;
                }

                output.Append("      ").Append(YamlScalar.Write(names[i])).Append(": ${").Append(names[i]).Append("}\n");
            }
        }

        return output;
    }

    /// <summary>Each service's secret names, in schema order; every service name checked.</summary>
    private static Dictionary<string, List<string>> GroupByService(SecretsSchema schema)
    {
        var byService = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var secret in schema.Secrets)
        {
            foreach (var service in secret.Services)
            {
                EnsureServiceName(service, secret);
                if (!byService.TryGetValue(service, out var names))
                {
                    byService[service] = names = new List<string>();
                }

                names.Add(secret.Name);
            }
        }

        return byService;
    }

    /// <summary>The header and one line per service and variable, for names of the usual length.</summary>
    private static int EstimateSize(SecretsSchema schema)
    {
        var size = 512;
        foreach (var secret in schema.Secrets)
        {
            size += secret.Services.Length * (2 * secret.Name.Length + 16);
        }

        return size;
    }

    private static void EnsureServiceName(string service, SecretDefinition secret)
    {
        if (!IsServiceName(service))
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.InvalidServiceName,
                $"The service '{service}' listed for {secret.Name} is not a name docker compose accepts.",
                "Use the service's name from docker-compose.yml: letters, digits, '_', '.', '-', starting with a letter or digit.",
                secret.Location));
        }
    }

    private static bool IsServiceName(string service)
    {
        if (service.Length == 0 || !char.IsAsciiLetterOrDigit(service[0]))
        {
            return false;
        }

        foreach (var c in service)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
