using Microsoft.CodeAnalysis;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Generator.Diagnostics;

/// <summary>
/// The schema rules the core parser applies, declared so each has its own title in the IDE and in
/// release tracking; the message (problem, position and fix) still comes from the parser.
/// </summary>
internal static class SchemaDiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor SchemaMalformedJson = new(
        id: DiagnosticCodes.SchemaMalformedJson,
        title: "Secrets schema is not well-formed JSON",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaUnknownField = new(
        id: DiagnosticCodes.SchemaUnknownField,
        title: "Secrets schema has a field the format does not define",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaInvalidValue = new(
        id: DiagnosticCodes.SchemaInvalidValue,
        title: "Secrets schema field has the wrong type or an invalid value",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaDuplicateName = new(
        id: DiagnosticCodes.SchemaDuplicateName,
        title: "Two secrets share one name",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaInvalidName = new(
        id: DiagnosticCodes.SchemaInvalidName,
        title: "Secret name is not an environment-variable name",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaIdentifierCollision = new(
        id: DiagnosticCodes.SchemaIdentifierCollision,
        title: "Secret name collides with another property or an AppSecrets member",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaUnknownCategory = new(
        id: DiagnosticCodes.SchemaUnknownCategory,
        title: "Secret category has no rotation policy",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaRuleTooWeak = new(
        id: DiagnosticCodes.SchemaRuleTooWeak,
        title: "Generation rule is weaker than the minimum entropy",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaRuleTooLong = new(
        id: DiagnosticCodes.SchemaRuleTooLong,
        title: "Generation rule produces values longer than the declared maximum",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaRuleTooShort = new(
        id: DiagnosticCodes.SchemaRuleTooShort,
        title: "Generation rule produces values shorter than the declared minimum",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaTypeMismatch = new(
        id: DiagnosticCodes.SchemaTypeMismatch,
        title: "Value type cannot be produced by the generation kind",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaMissingField = new(
        id: DiagnosticCodes.SchemaMissingField,
        title: "Secrets schema is missing a required field",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaUnsupportedVersion = new(
        id: DiagnosticCodes.SchemaUnsupportedVersion,
        title: "Secrets schema format version is not supported",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaDuplicateProperty = new(
        id: DiagnosticCodes.SchemaDuplicateProperty,
        title: "JSON object in the secrets schema repeats a property",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaUnsafeCharacters = new(
        id: DiagnosticCodes.SchemaUnsafeCharacters,
        title: "Alphabet or prefix holds characters .env readers do not read unquoted",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaFileNotFound = new(
        id: DiagnosticCodes.SchemaFileNotFound,
        title: "Secrets schema file not found",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaFileTooLarge = new(
        id: DiagnosticCodes.SchemaFileTooLarge,
        title: "Secrets schema file is too large",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaEmpty = new(
        id: DiagnosticCodes.SchemaEmpty,
        title: "Secrets schema declares no secrets",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaInvalidEnvironment = new(
        id: DiagnosticCodes.SchemaInvalidEnvironment,
        title: "Environment name is invalid or repeated",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaReservedPreviousSuffix = new(
        id: DiagnosticCodes.SchemaReservedPreviousSuffix,
        title: "Secret name ends in __PREVIOUS",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor SchemaReservedVariable = new(
        id: DiagnosticCodes.SchemaReservedVariable,
        title: "Secret name is a variable Secrets.Build or .NET reads for its settings",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    public static readonly DiagnosticDescriptor GeneratedAccessibilityInvalid = new(
        id: DiagnosticCodes.GeneratedAccessibilityInvalid,
        title: "SecretsGeneratedAccessibility is neither internal nor public",
        messageFormat: "{0}",
        category: DiagnosticDescriptors.Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);
}
