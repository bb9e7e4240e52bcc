using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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
    internal const string Category = "Secrets.Build";

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

    /// <summary>Every declared descriptor: the generator's own and the schema rules.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        new[] { MultipleSchemas, UnreadableSchema, InvalidRootNamespace, UnknownEnvironment }
            .Concat(typeof(SchemaDiagnosticDescriptors).GetFields()
                .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
                .Select(field => (DiagnosticDescriptor)field.GetValue(null)!))
            .ToArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id, StringComparer.Ordinal);

    // A code the core parser gains before it is declared still reaches the user, with a
    // plain title; DiagnosticDescriptorsTests fails until SchemaDiagnosticDescriptors declares it.
    private static readonly ConcurrentDictionary<string, DiagnosticDescriptor> Undeclared = new(StringComparer.Ordinal);

    /// <summary>The descriptor of a generator code, or of a schema code the core parser reported.</summary>
    public static DiagnosticDescriptor For(string id) =>
        ById.TryGetValue(id, out var descriptor)
            ? descriptor
            : Undeclared.GetOrAdd(id, static key => new DiagnosticDescriptor(
                id: key,
                title: "Secrets.Build diagnostic",
                messageFormat: "{0}",
                category: Category,
                defaultSeverity: DiagnosticSeverity.Error,
                isEnabledByDefault: true,
                helpLinkUri: DiagnosticCodes.HelpLink));
}
