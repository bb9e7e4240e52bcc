using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Renders <c>docker-compose.&lt;env&gt;.override.yml</c>: each service the schema names gets its secrets as
/// <c>${VAR}</c> references. The file holds no value: docker compose fills them in from
/// <c>--env-file .env.&lt;env&gt;</c>, so it is safe to show in a diff or a log.
/// </summary>
public static class ComposeOverrideRenderer
{
    /// <summary>
    /// The override text. Services and variables are in ordinal order, so the file only changes
    /// when the schema's mapping does.
    /// </summary>
    /// <exception cref="SecretsException">SECB302 for a name that is not a variable name, SECB309 for a
    /// service name compose rejects, SECB307 for an invalid environment name.</exception>
    public static string Render(SecretsSchema schema, string environment)
    {
        var env = OutputPaths.Normalize(environment);
        VariableNames.EnsureValidAndUnique(schema.Secrets.Select(s => s.Name), OutputPaths.ComposeOverride(env));

        var byService = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var secret in schema.Secrets)
        {
            foreach (var service in secret.Services)
            {
                EnsureServiceName(service, secret);
                if (!byService.TryGetValue(service, out var names))
                {
                    byService[service] = names = new SortedSet<string>(StringComparer.Ordinal);
                }

                names.Add(secret.Name);
            }
        }

        var text = new StringBuilder();
        text.Append("# Secrets.Build: which secrets each service of the '").Append(env).Append("' environment receives.\n");
        text.Append("# Values come from the env file; this file holds none. Use it as:\n");
        text.Append("#   docker compose -f docker-compose.yml -f ").Append(OutputPaths.ComposeOverride(env))
            .Append(" --env-file ").Append(OutputPaths.EnvFile(env)).Append(" up\n");
        if (byService.Count == 0)
        {
            // Compose accepts an empty services map; "services:" alone would be null.
            return text.Append("services: {}\n").ToString();
        }

        text.Append("services:\n");
        foreach (var (service, names) in byService)
        {
            text.Append("  ").Append(YamlScalar.Write(service)).Append(":\n");
            text.Append("    environment:\n");
            foreach (var name in names)
            {
                text.Append("      ").Append(YamlScalar.Write(name)).Append(": ${").Append(name).Append("}\n");
            }
        }

        return text.ToString();
    }

    private static void EnsureServiceName(string service, SecretDefinition secret)
    {
        var valid = service.Length > 0
            && char.IsAsciiLetterOrDigit(service[0])
            && service.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
        if (!valid)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.InvalidServiceName,
                $"The service '{service}' listed for {secret.Name} is not a name docker compose accepts.",
                "Use the service's name from docker-compose.yml: letters, digits, '_', '.', '-', starting with a letter or digit.",
                secret.Location));
        }
    }
}
