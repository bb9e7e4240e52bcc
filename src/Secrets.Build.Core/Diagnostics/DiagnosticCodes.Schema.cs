namespace Secrets.Build.Core.Diagnostics;

internal static partial class DiagnosticCodes
{
    /// <summary>The schema file is not well-formed JSON.</summary>
    public const string SchemaMalformedJson = "SECB100";
    /// <summary>A field the schema format does not define (usually a typo).</summary>
    public const string SchemaUnknownField = "SECB101";
    /// <summary>A field has the wrong JSON type or an invalid value.</summary>
    public const string SchemaInvalidValue = "SECB102";
    /// <summary>Two secrets share one name.</summary>
    public const string SchemaDuplicateName = "SECB103";
    /// <summary>A secret name is not an environment-variable style name.</summary>
    public const string SchemaInvalidName = "SECB104";
    /// <summary>Two names map to the same C# property, or a name maps to a reserved member.</summary>
    public const string SchemaIdentifierCollision = "SECB105";
    /// <summary>A secret's category has no rotation policy.</summary>
    public const string SchemaUnknownCategory = "SECB106";
    /// <summary>A generation rule is weaker than the minimum entropy.</summary>
    public const string SchemaRuleTooWeak = "SECB107";
    /// <summary>A generation rule produces values longer than the declared maximum.</summary>
    public const string SchemaRuleTooLong = "SECB108";
    /// <summary>A generation rule produces values shorter than the declared minimum.</summary>
    public const string SchemaRuleTooShort = "SECB109";
    /// <summary>A value type cannot be produced by the generation kind.</summary>
    public const string SchemaTypeMismatch = "SECB110";
    /// <summary>A required field is missing.</summary>
    public const string SchemaMissingField = "SECB111";
    /// <summary>The schema declares a format version this tool does not know.</summary>
    public const string SchemaUnsupportedVersion = "SECB112";
    /// <summary>A JSON object repeats a property.</summary>
    public const string SchemaDuplicateProperty = "SECB113";
    /// <summary>An alphabet or prefix contains characters that .env readers do not read unquoted.</summary>
    public const string SchemaUnsafeCharacters = "SECB114";
    /// <summary>The schema file does not exist or cannot be read.</summary>
    public const string SchemaFileNotFound = "SECB115";
    /// <summary>The schema file is larger than the limit.</summary>
    public const string SchemaFileTooLarge = "SECB116";
    /// <summary>The schema declares no secrets.</summary>
    public const string SchemaEmpty = "SECB117";
    /// <summary>An environment name is invalid or repeated.</summary>
    public const string SchemaInvalidEnvironment = "SECB118";
    /// <summary>A secret name ends in <c>__PREVIOUS</c>, the suffix of the variable that carries another secret's value from before its last rotation.</summary>
    public const string SchemaReservedPreviousSuffix = "SECB119";
    /// <summary>A secret name is a variable Secrets.Build or .NET reads for its own settings: the environment, keys, workspace (<c>SECRETS_ENVIRONMENT</c>, <c>DOTNET_ENVIRONMENT</c>, <c>ASPNETCORE_ENVIRONMENT</c>, <c>SECRETS_BUILD_*</c>...).</summary>
    public const string SchemaReservedVariable = "SECB120";
    /// <summary>Warning: <c>SecretsGeneratedAccessibility</c> is neither <c>internal</c> nor <c>public</c>; the generated <c>AppSecrets</c> stays internal.</summary>
    public const string GeneratedAccessibilityInvalid = "SECB121";
}
