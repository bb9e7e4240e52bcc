using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// Renders <c>k8s-secrets-&lt;env&gt;.yaml</c>: one <c>kind: Secret</c> of <c>type: Opaque</c> whose
/// <c>data</c> holds each value as base64 of its UTF-8 bytes, exactly as
/// <c>kubectl create secret generic NAME --from-env-file=.env.&lt;env&gt;</c> encodes the values of
/// the .env file <see cref="EnvFileRenderer"/> writes for them.
/// </summary>
/// <remarks>
/// kubectl's <c>--from-env-file</c> does not understand quotes: for a quoted value it would store the quotes
/// too, and it cannot read a value that spans lines. This manifest always holds the true value, so it, not
/// kubectl on the .env file, is the one to apply.
/// </remarks>
public static class KubernetesSecretRenderer
{
    /// <summary>The label that tells cluster tooling which tool owns the object.</summary>
    public const string ManagedBy = "secrets-build";

    // Throwing instead of writing U+FFFD keeps a broken value from being silently mangled.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The manifest text; data keys in ordinal order (as kubectl writes them).</summary>
    /// <param name="schema">Gives the project name: the Secret is <c>&lt;project&gt;-&lt;env&gt;-secrets</c>.</param>
    /// <param name="values">The names and values to store.</param>
    /// <param name="environment">The environment, in the name and the labels.</param>
    /// <exception cref="SecretsException">SECB302/SECB303 for an invalid or repeated name, SECB301 for a value
    /// that is not valid Unicode, SECB308 when no valid Kubernetes name can be formed.</exception>
    public static string Render(SecretsSchema schema, IReadOnlyList<(string Name, string Value)> values, string environment)
    {
        var env = OutputPaths.Normalize(environment);
        var output = OutputPaths.KubernetesSecret(env);
        VariableNames.EnsureValidAndUnique(values, output);
        var schemaFile = SourceLocation.ForFile(schema.SourcePath);
        var project = KubernetesNames.ToDnsLabel(schema.ProjectName, "project", schemaFile);
        var name = KubernetesNames.SecretName(schema.ProjectName, env, schemaFile);
        var environmentLabel = KubernetesNames.ToDnsLabel(env, "environment", schemaFile);

        var text = new StringBuilder();
        text.Append("# Secrets.Build: the '").Append(env).Append("' secrets of ").Append(project)
            .Append(" as a Kubernetes Secret. It holds the values (base64 is not encryption): never commit it.\n");
        text.Append("apiVersion: v1\n");
        text.Append("kind: Secret\n");
        text.Append("type: Opaque\n");
        text.Append("metadata:\n");
        text.Append("  name: ").Append(name).Append('\n');
        text.Append("  labels:\n");
        text.Append("    app.kubernetes.io/managed-by: ").Append(ManagedBy).Append('\n');
        text.Append("    app.kubernetes.io/part-of: ").Append(YamlScalar.Write(project)).Append('\n');
        text.Append("    app.kubernetes.io/environment: ").Append(YamlScalar.Write(environmentLabel)).Append('\n');
        if (values.Count == 0)
        {
            return text.Append("data: {}\n").ToString();
        }

        text.Append("data:\n");
        // The names are unique (checked above), so sorting them alone gives the same order as
        // sorting the pairs, without generic sort code over the tuple that ReadyToRun cannot hold.
        var valuesByName = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        var keys = new string[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            keys[i] = values[i].Name;
            valuesByName[keys[i]] = values[i].Value;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            text.Append("  ").Append(YamlScalar.Write(key)).Append(": ").Append(Encode(key, valuesByName[key], output)).Append('\n');
        }

        return text.ToString();
    }

    private static string Encode(string name, string value, string output)
    {
        try
        {
            // An empty value is "" as kubectl writes it; an empty plain scalar would read as null.
            if (value.Length == 0)
            {
                return "\"\"";
            }

            var bytes = SensitiveBuffers.Track(StrictUtf8.GetBytes(value));
            try
            {
                return Convert.ToBase64String(bytes);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(bytes);
            }
        }
        catch (EncoderFallbackException)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.EnvValueNotRepresentable,
                $"The value of {name} is not valid Unicode (a lone surrogate), so it has no UTF-8 form for the Kubernetes Secret.",
                $"Change the value of {name} (re-import or re-enter it).",
                SourceLocation.ForFile(output)));
        }
    }
}
