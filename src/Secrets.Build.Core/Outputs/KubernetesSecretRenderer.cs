using System.Buffers.Text;
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
internal static class KubernetesSecretRenderer
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
        using var output = Render(schema, values, environment, out _);
        return output.ToText();
    }

    /// <summary>The manifest's UTF-8 bytes; the caller disposes the result, which wipes it.</summary>
    internal static Utf8Output Render(SecretsSchema schema, IReadOnlyList<(string Name, string Value)> values, string environment, out string fileName)
    {
        var env = OutputPaths.Normalize(environment);
        fileName = OutputPaths.KubernetesSecret(env);
        VariableNames.EnsureValidAndUnique(values, fileName);
        var schemaFile = SourceLocation.ForFile(schema.SourcePath);
        var project = KubernetesNames.ToDnsLabel(schema.ProjectName, "project", schemaFile);
        var name = KubernetesNames.SecretName(schema.ProjectName, env, schemaFile);
        var environmentLabel = KubernetesNames.ToDnsLabel(env, "environment", schemaFile);

        var output = new Utf8Output(EstimateSize(values));
        try
        {
            output.Append(OutputMarker.Prefix).Append(" the '").Append(env).Append("' secrets of ").Append(project)
                .Append(" as a Kubernetes Secret. It holds the values (base64 is not encryption): never commit it.\n");
            output.Append("apiVersion: v1\n");
            output.Append("kind: Secret\n");
            output.Append("type: Opaque\n");
            output.Append("metadata:\n");
            output.Append("  name: ").Append(name).Append('\n');
            output.Append("  labels:\n");
            output.Append("    app.kubernetes.io/managed-by: ").Append(ManagedBy).Append('\n');
            output.Append("    app.kubernetes.io/part-of: ").Append(YamlScalar.Write(project)).Append('\n');
            output.Append("    app.kubernetes.io/environment: ").Append(YamlScalar.Write(environmentLabel)).Append('\n');
            if (values.Count == 0)
            {
                output.Append("data: {}\n");
                return output;
            }

            output.Append("data:\n");
            WriteData(output, values, fileName);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static void WriteData(Utf8Output output, IReadOnlyList<(string Name, string Value)> values, string fileName)
    {
        // The names are unique (checked above), so sorting them alone gives the same
        // order as sorting the pairs, without generic sort code over the tuple that ReadyToRun cannot hold.
        var keys = new string[values.Count];
        var valuesByName = new Dictionary<string, string>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            keys[i] = values[i].Name;
            valuesByName[keys[i]] = values[i].Value;
        }

        Array.Sort(keys, StringComparer.Ordinal);

        // One scratch buffer for every value's UTF-8 bytes on their way to base64, wiped after each.
        byte[]? scratch = null;
        try
        {
            foreach (var key in keys)
            {
                output.Append("  ").Append(YamlScalar.Write(key)).Append(": ");
                WriteBase64(output, key, valuesByName[key], ref scratch, fileName);
                output.Append('\n');
            }
        }
        finally
        {
            if (scratch is not null)
            {
                CryptographicOperations.ZeroMemory(scratch);
            }
        }
    }

    private static void WriteBase64(Utf8Output output, string name, string value, ref byte[]? scratch, string fileName)
    {
        // An empty value is "" as kubectl writes it; an empty plain scalar would read as null.
        if (value.Length == 0)
        {
            output.Append("\"\"");
            return;
        }

        try
        {
            var count = StrictUtf8.GetByteCount(value);
            if (scratch is null || scratch.Length < count)
            {
                if (scratch is not null)
                {
                    CryptographicOperations.ZeroMemory(scratch);
                }

                scratch = SensitiveBuffers.Track(new byte[Math.Max(count, 256)]);
            }

            var bytes = scratch.AsSpan(0, StrictUtf8.GetBytes(value, scratch));
            Base64.EncodeToUtf8(bytes, output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length)), out _, out var written);
            output.Advance(written);
            CryptographicOperations.ZeroMemory(bytes);
        }
        catch (EncoderFallbackException)
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.EnvValueNotRepresentable,
                $"The value of {name} is not valid Unicode (a lone surrogate), so it has no UTF-8 form for the Kubernetes Secret.",
                $"Change the value of {name} (re-import or re-enter it).",
                SourceLocation.ForFile(fileName)));
        }
    }

    /// <summary>Header and data lines with base64 of ASCII values: right for the usual values, the buffer grows for others.</summary>
    private static int EstimateSize(IReadOnlyList<(string Name, string Value)> values)
    {
        var size = 512;
        for (var i = 0; i < values.Count; i++)
        {
            size += values[i].Name.Length + ((values[i].Value.Length + 2) / 3 * 4) + 8;
        }

        return size;
    }
}
