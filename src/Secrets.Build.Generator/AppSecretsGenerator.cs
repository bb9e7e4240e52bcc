using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Generator.Diagnostics;
using Secrets.Build.Generator.Emit;
using Secrets.Build.Generator.Model;

namespace Secrets.Build.Generator;

/// <summary>
/// Turns <c>secrets.schema.json</c> (an AdditionalFile with <c>SecretsSchema="true"</c>) into a
/// typed <c>AppSecrets</c> class. It reads only the schema: no secret value ever reaches it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AppSecretsGenerator : IIncrementalGenerator
{
    /// <summary>The AdditionalFiles item metadata that marks the schema.</summary>
    public const string SchemaMetadata = "build_metadata.AdditionalFiles.SecretsSchema";

    /// <summary>The MSBuild property naming the environment the project is built for.</summary>
    public const string EnvironmentProperty = "build_property.SecretsEnvironment";

    /// <summary>The MSBuild property naming the project's root namespace.</summary>
    public const string RootNamespaceProperty = "build_property.RootNamespace";

    /// <summary>The MSBuild property that makes the generated types <c>public</c> (default <c>internal</c>).</summary>
    public const string AccessibilityProperty = "build_property.SecretsGeneratedAccessibility";

    private const string MemoryConfigurationSource = "Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemaFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Where(static pair => IsSchema(pair.Right.GetOptions(pair.Left)))
            .Select(static (pair, cancellationToken) =>
                new SchemaFile(pair.Left.Path, pair.Left.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.SchemaFiles);

        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => new BuildSettings(
                Read(options.GlobalOptions, RootNamespaceProperty),
                Read(options.GlobalOptions, EnvironmentProperty),
                Read(options.GlobalOptions, AccessibilityProperty)))
            .WithTrackingName(TrackingNames.Settings);

        var parsed = schemaFiles.Collect()
            .Combine(settings)
            .Select(static (pair, cancellationToken) => SchemaModelBuilder.Build(pair.Left, pair.Right, cancellationToken))
            .WithTrackingName(TrackingNames.Parsed);

        // Diagnostics and source are separate outputs: a diagnostic that only moved (a line
        // added above it) changes this branch alone and leaves the generated source cached.
        var diagnostics = parsed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (production, items) =>
        {
            foreach (var item in items)
            {
                // The parser's severity wins over the descriptor's default, as it did for the build task.
                production.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.For(item.Id),
                    item.Location?.ToLocation() ?? Location.None,
                    item.Severity,
                    additionalLocations: null,
                    properties: null,
                    item.Message));
            }
        });

        var model = parsed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(TrackingNames.Model);

        // The compilation changes on every keystroke; reducing it to two booleans keeps the
        // steps after this one cached.
        var options = context.ParseOptionsProvider
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => new EmitOptions(
                NullableAnnotations: pair.Left is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 },
                ConfigurationExtension: pair.Right.GetTypeByMetadataName(MemoryConfigurationSource) is not null))
            .WithTrackingName(TrackingNames.Options);

        var input = model
            .Combine(options)
            .Select(static (pair, _) => pair.Left is null ? null : new EmitInput(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EmitInput);

        context.RegisterSourceOutput(input, static (production, emitInput) =>
        {
            if (emitInput is null)
            {
                return;
            }

            foreach (var file in AppSecretsEmitter.Emit(emitInput))
            {
                production.AddSource(file.HintName, file.Text);
            }
        });
    }

    private static bool IsSchema(AnalyzerConfigOptions options) =>
        options.TryGetValue(SchemaMetadata, out var value)
        && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string Read(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && value is not null ? value : string.Empty;
}
