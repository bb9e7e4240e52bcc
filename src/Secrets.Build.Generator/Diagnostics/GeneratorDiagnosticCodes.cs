namespace Secrets.Build.Generator.Diagnostics;

/// <summary>
/// The codes only the source generator reports (SECB150-199). Schema rules keep the core
/// library's codes, including SECB105 for a secret whose property collides with a member the
/// generated class declares. A code, once shipped, never changes meaning.
/// </summary>
internal static class GeneratorDiagnosticCodes
{
    /// <summary>More than one AdditionalFile is marked <c>SecretsSchema="true"</c>.</summary>
    public const string MultipleSchemas = "SECB150";

    /// <summary>The schema AdditionalFile's text could not be read.</summary>
    public const string UnreadableSchema = "SECB151";

    /// <summary>RootNamespace is not a valid C# namespace.</summary>
    public const string InvalidRootNamespace = "SECB152";

    /// <summary>SecretsEnvironment is not one of the schema's environments.</summary>
    public const string UnknownEnvironment = "SECB153";
}
