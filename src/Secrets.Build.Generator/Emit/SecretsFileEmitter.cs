using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Secrets.Build.Generator.Model;

namespace Secrets.Build.Generator.Emit;

/// <summary>Writes <c>AppSecrets.g.cs</c>: one typed property per secret and the descriptor list.</summary>
internal static class SecretsFileEmitter
{
    public static string Emit(AppSecretsModel model, EmitOptions options)
    {
        var builder = new StringBuilder();
        AppSecretsEmitter.AppendHeader(builder, model, options);
        var indent = model.Namespace.Length == 0 ? string.Empty : "    ";
        if (model.Namespace.Length > 0)
        {
            builder.Append("namespace ").Append(model.Namespace).Append("\n{\n");
        }

        var member = indent + "    ";
        builder.Append(indent).Append("/// <summary>\n");
        builder.Append(indent).Append("/// The secrets declared in <c>").Append(Xml(model.SchemaFileName)).Append("</c>, typed. A value is read when first used:\n");
        builder.Append(indent).Append("/// from the process environment variable, else from the <c>.env.&lt;environment&gt;</c> file found by\n");
        builder.Append(indent).Append("/// searching upward from the application's base directory. No value is compiled into the assembly.\n");
        builder.Append(indent).Append("/// </summary>\n");
        builder.Append(indent).Append("[global::System.CodeDom.Compiler.GeneratedCode(\"Secrets.Build.Generator\", \"1.0\")]\n");
        builder.Append(indent).Append("public static partial class AppSecrets\n");
        builder.Append(indent).Append("{\n");

        builder.Append(member).Append("/// <summary>The environment this project was built for. <see cref=\"Environment\"/> can differ at run time.</summary>\n");
        builder.Append(member).Append("public const string BuildEnvironment = ").Append(Literal(model.BuildEnvironment)).Append(";\n");

        for (var i = 0; i < model.Secrets.Count; i++)
        {
            builder.Append('\n');
            AppendProperty(builder, member, model.Secrets[i], i);
        }

        builder.Append('\n');
        builder.Append(member).Append("/// <summary>Every declared secret in schema order: name, category, type and description; never a value.</summary>\n");
        builder.Append(member).Append("public static global::System.Collections.Generic.IReadOnlyList<SecretDescriptor> Descriptors { get; } =\n");
        builder.Append(member).Append("    new global::System.Collections.ObjectModel.ReadOnlyCollection<SecretDescriptor>(new SecretDescriptor[]\n");
        builder.Append(member).Append("    {\n");
        foreach (var secret in model.Secrets)
        {
            builder.Append(member).Append("        new SecretDescriptor(")
                .Append(Literal(secret.Name)).Append(", ")
                .Append(Literal(secret.PropertyName)).Append(", ")
                .Append(Literal(secret.Category)).Append(", ")
                .Append("typeof(").Append(TypeSyntax(secret.Type)).Append("), ")
                .Append(Literal(TypeDisplay(secret))).Append(", ")
                .Append(Literal(EncodingName(secret.Encoding))).Append(", ")
                .Append(Literal(secret.Description)).Append(", ")
                .Append(secret.RotationDays.ToString(CultureInfo.InvariantCulture)).Append(", ")
                .Append(secret.IsExternal ? "true" : "false").Append("),\n");
        }

        builder.Append(member).Append("    });\n");
        AppendPrevious(builder, member, model, options);
        builder.Append(indent).Append("}\n");
        if (model.Namespace.Length > 0)
        {
            builder.Append("}\n");
        }

        return builder.ToString();
    }

    private static void AppendProperty(StringBuilder builder, string member, SecretModel secret, int index)
    {
        var description = secret.Description.Trim().Length == 0 ? secret.Name : secret.Description.Trim();
        builder.Append(member).Append("/// <summary>").Append(Xml(description)).Append("</summary>\n");
        builder.Append(member).Append("/// <remarks>\n");
        builder.Append(member).Append("/// Environment variable <c>").Append(Xml(secret.Name)).Append("</c>; category <c>")
            .Append(Xml(secret.Category)).Append("</c>, rotated every ")
            .Append(secret.RotationDays.ToString(CultureInfo.InvariantCulture)).Append(" days; ")
            .Append(Xml(secret.GenerationSummary)).Append(".\n");
        builder.Append(member).Append("/// </remarks>\n");
        builder.Append(member).Append("/// <exception cref=\"AppSecretsException\">The secret is not set, or is not a valid ")
            .Append(Xml(TypeDisplay(secret))).Append(".</exception>\n");
        builder.Append(member).Append("public static ").Append(TypeSyntax(secret.Type)).Append(' ').Append(secret.PropertyName)
            .Append(" => (").Append(TypeSyntax(secret.Type)).Append(")SecretsRuntime.Read(Descriptors[")
            .Append(index.ToString(CultureInfo.InvariantCulture)).Append("]);\n");
    }

    /// <summary>
    /// <c>AppSecrets.Previous.X</c>: the value before the last rotation, which the build writes as
    /// <c>NAME__PREVIOUS</c> during the rotation's grace period, so a JWT verifier or a database
    /// client can accept both while a change rolls out.
    /// </summary>
    private static void AppendPrevious(StringBuilder builder, string member, AppSecretsModel model, EmitOptions options)
    {
        var inner = member + "    ";
        builder.Append('\n');
        builder.Append(member).Append("/// <summary>\n");
        builder.Append(member).Append("/// The values before each secret's last rotation, during the rotation's grace period\n");
        builder.Append(member).Append("/// (the build writes them as <c>NAME__PREVIOUS</c>); <c>null</c> when there is none.\n");
        builder.Append(member).Append("/// </summary>\n");
        builder.Append(member).Append("public static class Previous\n");
        builder.Append(member).Append("{\n");
        for (var i = 0; i < model.Secrets.Count; i++)
        {
            var secret = model.Secrets[i];
            var type = NullableTypeSyntax(secret.Type, options);
            if (i > 0)
            {
                builder.Append('\n');
            }

            builder.Append(inner).Append("/// <summary>The value of <c>").Append(Xml(secret.Name))
                .Append("</c> before its last rotation, or <c>null</c>.</summary>\n");
            builder.Append(inner).Append("public static ").Append(type).Append(' ').Append(secret.PropertyName)
                .Append(" => (").Append(type).Append(")SecretsRuntime.ReadPrevious(Descriptors[")
                .Append(i.ToString(CultureInfo.InvariantCulture)).Append("]);\n");
        }

        builder.Append(member).Append("}\n");
    }

    private static string NullableTypeSyntax(SecretType type, EmitOptions options) => type switch
    {
        SecretType.Int or SecretType.Bool => TypeSyntax(type) + "?",
        _ => TypeSyntax(type) + (options.NullableAnnotations ? "?" : string.Empty),
    };

    private static string TypeSyntax(SecretType type) => type switch
    {
        SecretType.Int => "int",
        SecretType.Bool => "bool",
        SecretType.Uri => "global::System.Uri",
        SecretType.Bytes => "byte[]",
        _ => "string",
    };

    /// <summary>The type as people read it in messages and inventories.</summary>
    private static string TypeDisplay(SecretModel secret) => secret.Type switch
    {
        SecretType.Int => "int",
        SecretType.Bool => "bool",
        SecretType.Uri => "absolute URI",
        SecretType.Bytes => $"byte[] ({EncodingName(secret.Encoding)})",
        _ => "string",
    };

    private static string EncodingName(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Hex => "hex",
        TextEncoding.Base64 => "base64",
        TextEncoding.Base64Url => "base64url",
        _ => "text",
    };

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Xml(string text) => text
        .Replace("&", "&amp;")
        .Replace("<", "&lt;")
        .Replace(">", "&gt;")
        .Replace("\r", " ")
        .Replace("\n", " ");
}
