using Secrets.Build.Generator.Model;

namespace Secrets.Build.Generator.Emit;

/// <summary>Writes <c>AppSecrets.g.cs</c>: one typed property per secret and the descriptor list.</summary>
internal static class SecretsFileEmitter
{
    /// <summary>
    /// Characters each secret adds besides its names and description (the doc comments, the property,
    /// its descriptor and its <c>Previous</c> twin), counted on the emitted text with some to spare.
    /// Sized right, the file is written into one buffer that the compiler then keeps as it is;
    /// erring low only adds a smaller chunk, erring high leaves the end of the buffer unused.
    /// </summary>
    private const int FixedCharactersPerSecret = 700;

    public static SourceWriter Emit(AppSecretsModel model, EmitOptions options)
    {
        var writer = new SourceWriter(EstimateLength(model));
        AppSecretsEmitter.AppendHeader(writer, model, options);
        var indent = model.Namespace.Length == 0 ? string.Empty : "    ";
        if (model.Namespace.Length > 0)
        {
            writer.Append("namespace ").Append(model.Namespace).Append("\n{\n");
        }

        var member = indent + "    ";
        writer.Append(indent).Append("/// <summary>\n");
        writer.Append(indent).Append("/// The secrets declared in <c>").AppendXml(model.SchemaFileName).Append("</c>, typed. A value is read when first used:\n");
        writer.Append(indent).Append("/// from the process environment variable, else from the <c>.env.&lt;environment&gt;</c> file found by\n");
        writer.Append(indent).Append("/// searching upward from the application's base directory, then from the current directory, then in the\n");
        writer.Append(indent).Append("/// workspace the build recorded. No value is compiled into the assembly.\n");
        writer.Append(indent).Append("/// </summary>\n");
        writer.Append(indent).Append("[global::System.CodeDom.Compiler.GeneratedCode(\"Secrets.Build.Generator\", \"1.0\")]\n");
        writer.Append(indent).Append(model.Accessibility).Append(" static partial class AppSecrets\n");
        writer.Append(indent).Append("{\n");

        writer.Append(member).Append("/// <summary>The environment this project was built for. <see cref=\"Environment\"/> can differ at run time.</summary>\n");
        writer.Append(member).Append("public const string BuildEnvironment = ").AppendLiteral(model.BuildEnvironment).Append(";\n");

        for (var i = 0; i < model.Secrets.Count; i++)
        {
            writer.Append('\n');
            AppendProperty(writer, member, model.Secrets[i], i);
        }

        writer.Append('\n');
        writer.Append(member).Append("/// <summary>Every declared secret in schema order: name, category, type and description; never a value.</summary>\n");
        writer.Append(member).Append("public static global::System.Collections.Generic.IReadOnlyList<SecretDescriptor> Descriptors { get; } =\n");
        writer.Append(member).Append("    new global::System.Collections.ObjectModel.ReadOnlyCollection<SecretDescriptor>(new SecretDescriptor[]\n");
        writer.Append(member).Append("    {\n");
        foreach (var secret in model.Secrets)
        {
            writer.Append(member).Append("        new SecretDescriptor(")
                .AppendLiteral(secret.Name).Append(", ")
                .AppendLiteral(secret.PropertyName).Append(", ")
                .AppendLiteral(secret.Category).Append(", ")
                .Append("typeof(").Append(TypeSyntax(secret.Type)).Append("), ")
                .AppendLiteral(TypeDisplay(secret)).Append(", ")
                .AppendLiteral(EncodingName(secret.Encoding)).Append(", ")
                .AppendLiteral(secret.Description).Append(", ")
                .AppendNumber(secret.RotationDays).Append(", ")
                .Append(secret.IsExternal ? "true" : "false").Append("),\n");
        }

        writer.Append(member).Append("    });\n");
        AppendPrevious(writer, member, model, options);
        AppendDeclaredEnvironments(writer, member, model);
        writer.Append(indent).Append("}\n");
        if (model.Namespace.Length > 0)
        {
            writer.Append("}\n");
        }

        return writer;
    }

    /// <summary>At least the characters <see cref="Emit"/> writes for <paramref name="model"/>.</summary>
    internal static int EstimateLength(AppSecretsModel model)
    {
        var length = 4096;
        foreach (var secret in model.Secrets)
        {
            // Each name appears three times (property, descriptor, previous value), the description and category twice.
            length += FixedCharactersPerSecret + (3 * (secret.Name.Length + secret.PropertyName.Length))
                + (2 * (secret.Description.Length + secret.Category.Length)) + secret.GenerationSummary.Length;
        }

        return length;
    }

    private static void AppendProperty(SourceWriter writer, string member, SecretModel secret, int index)
    {
        var trimmed = secret.Description.Trim();
        var description = trimmed.Length == 0 ? secret.Name : trimmed;
        writer.Append(member).Append("/// <summary>").AppendXml(description).Append("</summary>\n");
        writer.Append(member).Append("/// <remarks>\n");
        writer.Append(member).Append("/// Environment variable <c>").AppendXml(secret.Name).Append("</c>; category <c>")
            .AppendXml(secret.Category).Append("</c>, rotated every ")
            .AppendNumber(secret.RotationDays).Append(" days; ")
            .AppendXml(secret.GenerationSummary).Append(".\n");
        writer.Append(member).Append("/// </remarks>\n");
        writer.Append(member).Append("/// <exception cref=\"AppSecretsException\">The secret is not set, or is not a valid ")
            .AppendXml(TypeDisplay(secret)).Append(".</exception>\n");
        writer.Append(member).Append("public static ").Append(TypeSyntax(secret.Type)).Append(' ').Append(secret.PropertyName)
            .Append(" => (").Append(TypeSyntax(secret.Type)).Append(")SecretsRuntime.Read(Descriptors[")
            .AppendNumber(index).Append("]);\n");
    }

    /// <summary>
    /// <c>AppSecrets.Previous.X</c>: the value before the last rotation, which the build writes as
    /// <c>NAME__PREVIOUS</c> during the rotation's grace period, so a JWT verifier or a database
    /// client can accept both while a change rolls out.
    /// </summary>
    private static void AppendPrevious(SourceWriter writer, string member, AppSecretsModel model, EmitOptions options)
    {
        var inner = member + "    ";
        writer.Append('\n');
        writer.Append(member).Append("/// <summary>\n");
        writer.Append(member).Append("/// The values before each secret's last rotation, during the rotation's grace period\n");
        writer.Append(member).Append("/// (the build writes them as <c>NAME__PREVIOUS</c>); <c>null</c> when there is none.\n");
        writer.Append(member).Append("/// </summary>\n");
        writer.Append(member).Append("public static class Previous\n");
        writer.Append(member).Append("{\n");
        for (var i = 0; i < model.Secrets.Count; i++)
        {
            var secret = model.Secrets[i];
            var type = NullableTypeSyntax(secret.Type, options);
            if (i > 0)
            {
                writer.Append('\n');
            }

            writer.Append(inner).Append("/// <summary>The value of <c>").AppendXml(secret.Name)
                .Append("</c> before its last rotation, or <c>null</c>.</summary>\n");
            writer.Append(inner).Append("public static ").Append(type).Append(' ').Append(secret.PropertyName)
                .Append(" => (").Append(type).Append(")SecretsRuntime.ReadPrevious(Descriptors[")
                .AppendNumber(i).Append("]);\n");
        }

        writer.Append(member).Append("}\n");
    }

    /// <summary>
    /// The schema's environments, which the run time maps <c>ASPNETCORE_ENVIRONMENT</c> and
    /// <c>DOTNET_ENVIRONMENT</c> to; inside the private runtime class, so no secret's property can clash.
    /// </summary>
    private static void AppendDeclaredEnvironments(SourceWriter writer, string member, AppSecretsModel model)
    {
        writer.Append('\n');
        writer.Append(member).Append("private static partial class SecretsRuntime\n");
        writer.Append(member).Append("{\n");
        writer.Append(member).Append("    /// <summary>The environments the schema declares.</summary>\n");
        writer.Append(member).Append("    internal static readonly string[] DeclaredEnvironments = new string[] { ");
        for (var i = 0; i < model.Environments.Count; i++)
        {
            writer.Append(i > 0 ? ", " : string.Empty).AppendLiteral(model.Environments[i]);
        }

        writer.Append(" };\n");
        writer.Append(member).Append("}\n");
    }

    private static string NullableTypeSyntax(SecretType type, EmitOptions options) => type switch
    {
        SecretType.Int => "int?",
        SecretType.Bool => "bool?",
        _ when !options.NullableAnnotations => TypeSyntax(type),
        SecretType.Uri => "global::System.Uri?",
        SecretType.Bytes => "byte[]?",
        _ => "string?",
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
        SecretType.Bytes => secret.Encoding switch
        {
            TextEncoding.Hex => "byte[] (hex)",
            TextEncoding.Base64 => "byte[] (base64)",
            TextEncoding.Base64Url => "byte[] (base64url)",
            _ => "byte[] (text)",
        },
        _ => "string",
    };

    private static string EncodingName(TextEncoding encoding) => encoding switch
    {
        TextEncoding.Hex => "hex",
        TextEncoding.Base64 => "base64",
        TextEncoding.Base64Url => "base64url",
        _ => "text",
    };
}
