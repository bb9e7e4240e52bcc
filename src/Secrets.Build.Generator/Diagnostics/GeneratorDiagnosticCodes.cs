namespace Secrets.Build.Generator.Diagnostics;

/// <summary>
/// The codes only the source generator reports (SECB150-199). Schema rules keep the core
/// library's codes. A code, once shipped, never changes meaning.
/// </summary>
internal static class GeneratorDiagnosticCodes
{
    /// <summary>More than one AdditionalFile is marked <c>SecretsSchema="true"</c>.</summary>
    public const string MultipleSchemas = "SECB150";

    /// <summary>The schema AdditionalFile's text could not be read.</summary>
    public const string UnreadableSchema = "SECB151";

    /// <summary>A secret's property name collides with a member AppSecrets declares itself.</summary>
    public const string ReservedPropertyName = "SECB152";

    /// <summary>Two secrets map to one property name, or a name is not a C# identifier.</summary>
    public const string InvalidPropertyName = "SECB153";

    /// <summary>RootNamespace is not a valid C# namespace.</summary>
    public const string InvalidRootNamespace = "SECB154";

    /// <summary>SecretsEnvironment is not one of the schema's environments.</summary>
    public const string UnknownEnvironment = "SECB155";
}
