using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Schema problems keep the codes the core library
/// gives them (SECB1xx), so the build task and the IDE show the same code for the same mistake;
/// problems only the generator can see use SECB150-199.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Secrets.Build";

    /// <summary>Two AdditionalFiles are marked as the secrets schema; only one can define AppSecrets.</summary>
    public static readonly DiagnosticDescriptor MultipleSchemas = new(
        id: GeneratorDiagnosticCodes.MultipleSchemas,
        title: "More than one secrets schema",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    /// <summary>The schema file exists as an AdditionalFile but its text could not be read.</summary>
    public static readonly DiagnosticDescriptor UnreadableSchema = new(
        id: GeneratorDiagnosticCodes.UnreadableSchema,
        title: "Secrets schema cannot be read",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    /// <summary>RootNamespace is not a valid C# namespace; AppSecrets goes to the global namespace.</summary>
    public static readonly DiagnosticDescriptor InvalidRootNamespace = new(
        id: GeneratorDiagnosticCodes.InvalidRootNamespace,
        title: "RootNamespace is not a valid C# namespace",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    /// <summary>SecretsEnvironment names an environment the schema does not declare.</summary>
    public static readonly DiagnosticDescriptor UnknownEnvironment = new(
        id: GeneratorDiagnosticCodes.UnknownEnvironment,
        title: "SecretsEnvironment is not declared in the schema",
        messageFormat: "{0}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: DiagnosticCodes.HelpLink);

    private static readonly ConcurrentDictionary<(string Id, DiagnosticSeverity Severity), DiagnosticDescriptor> SchemaDescriptors = new();

    /// <summary>The descriptor of a generator code, or of a schema code the core parser reported.</summary>
    public static DiagnosticDescriptor For(string id, DiagnosticSeverity severity) => id switch
    {
        GeneratorDiagnosticCodes.MultipleSchemas => MultipleSchemas,
        GeneratorDiagnosticCodes.UnreadableSchema => UnreadableSchema,
        GeneratorDiagnosticCodes.InvalidRootNamespace => InvalidRootNamespace,
        GeneratorDiagnosticCodes.UnknownEnvironment => UnknownEnvironment,
        _ => SchemaDescriptors.GetOrAdd((id, severity), static key => new DiagnosticDescriptor(
            id: key.Id,
            title: "Invalid secrets schema",
            messageFormat: "{0}",
            category: Category,
            defaultSeverity: key.Severity,
            isEnabledByDefault: true,
            helpLinkUri: DiagnosticCodes.HelpLink)),
    };
}
