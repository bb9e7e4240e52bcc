using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Generator.Diagnostics;
using Secrets.Build.Generator.Model;

namespace Secrets.Build.Generator;

/// <summary>
/// The parser step: schema text -> <see cref="AppSecretsModel"/> plus diagnostics. The schema
/// rules themselves live in the core library's <see cref="SchemaParser"/>; this adds only what
/// matters to C# (identifiers, namespaces, members AppSecrets already declares).
/// </summary>
internal static class SchemaModelBuilder
{
    /// <summary>The environment a project gets when it sets no <c>SecretsEnvironment</c>.</summary>
    public const string DefaultEnvironment = "development";

    /// <summary>
    /// Names the generated code declares (and those inherited from <see cref="object"/>): a secret
    /// whose property would take one of them could not compile. The core parser already rejects
    /// <see cref="NameConventions.ReservedPropertyNames"/> (among them <c>Previous</c>, kept free for
    /// the values a rotation replaced); these are the generator's own additions.
    /// </summary>
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal)
    {
        "AppSecrets", "BuildEnvironment", "Environment", "EnvironmentVariable", "Descriptors",
        "Inspect", "Validate", "Previous", "SecretDescriptor", "SecretStatus", "AppSecretsException",
        "SecretsRuntime", "ResolvedText", "AppSecretsConfigurationExtensions", "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString",
        "MemberwiseClone", "Finalize",
    };

    public static ParsedSchema Build(ImmutableArray<SchemaFile> files, BuildSettings settings, CancellationToken cancellationToken)
    {
        if (files.IsDefaultOrEmpty)
        {
            // A project without a schema gets no AppSecrets and no noise.
            return new ParsedSchema(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
        var file = ordered[0];
        foreach (var extra in ordered.Skip(1))
        {
            diagnostics.Add(new DiagnosticInfo(
                GeneratorDiagnosticCodes.MultipleSchemas,
                DiagnosticSeverity.Error,
                $"'{extra.Path}' is marked as a secrets schema, but '{file.Path}' already is; AppSecrets is generated from one schema only. " +
                "Fix: keep SecretsSchema=\"true\" on one AdditionalFiles item.",
                FileOnly(extra.Path)));
        }

        if (file.Text is null)
        {
            diagnostics.Add(new DiagnosticInfo(
                GeneratorDiagnosticCodes.UnreadableSchema,
                DiagnosticSeverity.Error,
                $"The secrets schema '{file.Path}' cannot be read. Fix: check that the file exists and is readable.",
                FileOnly(file.Path)));
            return new ParsedSchema(null, diagnostics.ToEquatableArray());
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = SchemaParser.Parse(file.Text, file.Path);
        foreach (var diagnostic in result.Diagnostics)
        {
            diagnostics.Add(FromCore(diagnostic, file.Path));
        }

        if (result.Schema is not { } schema)
        {
            return new ParsedSchema(null, diagnostics.ToEquatableArray());
        }

        var model = BuildModel(schema, file.Path, settings, diagnostics);
        return new ParsedSchema(model, diagnostics.ToEquatableArray());
    }

    private static AppSecretsModel? BuildModel(SecretsSchema schema, string path, BuildSettings settings, List<DiagnosticInfo> diagnostics)
    {
        var secrets = new SecretModel[schema.Secrets.Length];
        var seen = new Dictionary<string, SecretDefinition>(schema.Secrets.Length, StringComparer.Ordinal);
        var summaries = new GenerationSummaries();
        var valid = true;
        for (var i = 0; i < secrets.Length; i++)
        {
            var secret = schema.Secrets[i];
            if (ReservedNames.Contains(secret.PropertyName) || NameConventions.ReservedPropertyNames.Contains(secret.PropertyName))
            {
                valid = false;
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticCodes.SchemaIdentifierCollision,
                    DiagnosticSeverity.Error,
                    $"Secret '{secret.Name}' becomes the property AppSecrets.{secret.PropertyName}, a name AppSecrets already uses. " +
                    "Fix: rename the secret (for example with a prefix naming its service).",
                    FromCore(secret.Location, path)));
            }
            else if (!SyntaxFacts.IsValidIdentifier(secret.PropertyName))
            {
                valid = false;
                // The core parser's name rules make this unreachable today; kept so a looser rule
                // there can never produce code that does not compile.
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticCodes.SchemaIdentifierCollision,
                    DiagnosticSeverity.Error,
                    $"Secret '{secret.Name}' becomes '{secret.PropertyName}', which is not a C# identifier. " +
                    "Fix: start the name with a letter and use only letters, digits and underscores.",
                    FromCore(secret.Location, path)));
            }
            else if (seen.TryGetValue(secret.PropertyName, out var first))
            {
                valid = false;
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticCodes.SchemaIdentifierCollision,
                    DiagnosticSeverity.Error,
                    $"Secrets '{first.Name}' and '{secret.Name}' both become the property AppSecrets.{secret.PropertyName}. " +
                    "Fix: rename one of them.",
                    FromCore(secret.Location, path)));
            }
            else
            {
                seen.Add(secret.PropertyName, secret);
            }

            secrets[i] = ToModel(secret, schema, summaries);
        }

        var environment = ResolveEnvironment(schema, path, settings, diagnostics);
        var rootNamespace = ResolveNamespace(settings.RootNamespace, path, diagnostics);
        var isPublic = ResolveAccessibility(settings.Accessibility, path, diagnostics);
        var environments = schema.Environments.IsDefaultOrEmpty ? SchemaDefaults.Environments : schema.Environments;
        return valid
            ? new AppSecretsModel(rootNamespace, environment, FileName(path), EquatableArray<SecretModel>.Wrap(secrets), environments.ToEquatableArray(), isPublic)
            : null;
    }

    private static SecretModel ToModel(SecretDefinition secret, SecretsSchema schema, GenerationSummaries summaries) => new(
        secret.Name,
        secret.PropertyName,
        secret.Description,
        secret.Category,
        secret.Type switch
        {
            SecretValueType.Int => SecretType.Int,
            SecretValueType.Bool => SecretType.Bool,
            SecretValueType.Uri => SecretType.Uri,
            SecretValueType.Bytes => SecretType.Bytes,
            _ => SecretType.String,
        },
        secret.Type != SecretValueType.Bytes
            ? TextEncoding.Text
            : secret.Generation.Kind switch
            {
                GenerationKind.Hex => TextEncoding.Hex,
                GenerationKind.Base64Url => TextEncoding.Base64Url,
                // Base64 is the encoding a user supplying external bytes most likely has.
                _ => TextEncoding.Base64,
            },
        schema.RotationDaysFor(secret),
        secret.IsExternal,
        summaries.For(secret.Generation));

    private static string ResolveEnvironment(SecretsSchema schema, string path, BuildSettings settings, List<DiagnosticInfo> diagnostics)
    {
        var environment = string.IsNullOrWhiteSpace(settings.Environment)
            ? DefaultEnvironment
            : settings.Environment.Trim().ToLowerInvariant();
        if (!schema.Environments.IsDefaultOrEmpty && !schema.Environments.Contains(environment, StringComparer.Ordinal))
        {
            diagnostics.Add(new DiagnosticInfo(
                GeneratorDiagnosticCodes.UnknownEnvironment,
                DiagnosticSeverity.Warning,
                $"SecretsEnvironment is '{environment}', which the schema does not declare (it declares {string.Join(", ", schema.Environments)}). " +
                "Fix: set SecretsEnvironment to a declared environment or add it to \"environments\".",
                FileOnly(path)));
        }

        return environment;
    }

    /// <summary>
    /// Internal unless the project asks for public: like ThisAssembly, each project gets its own
    /// AppSecrets, and a project that references another never sees two of them.
    /// </summary>
    private static bool ResolveAccessibility(string accessibility, string path, List<DiagnosticInfo> diagnostics)
    {
        var trimmed = accessibility.Trim();
        if (trimmed.Length == 0 || string.Equals(trimmed, "internal", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (string.Equals(trimmed, "public", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        diagnostics.Add(new DiagnosticInfo(
            DiagnosticCodes.GeneratedAccessibilityInvalid,
            DiagnosticSeverity.Warning,
            $"SecretsGeneratedAccessibility is '{trimmed}', so AppSecrets stays internal. " +
            "Fix: set <SecretsGeneratedAccessibility> to public (other projects may use AppSecrets) or internal (the default).",
            FileOnly(path)));
        return false;
    }

    private static string ResolveNamespace(string rootNamespace, string path, List<DiagnosticInfo> diagnostics)
    {
        var trimmed = rootNamespace.Trim();
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (trimmed.Split('.').All(segment => SyntaxFacts.IsValidIdentifier(segment) && SyntaxFacts.GetKeywordKind(segment) == SyntaxKind.None))
        {
            return trimmed;
        }

        diagnostics.Add(new DiagnosticInfo(
            GeneratorDiagnosticCodes.InvalidRootNamespace,
            DiagnosticSeverity.Warning,
            $"RootNamespace '{trimmed}' is not a valid C# namespace, so AppSecrets is generated in the global namespace. " +
            "Fix: set <RootNamespace> to dotted C# identifiers, e.g. MyCompany.MyApp.",
            FileOnly(path)));
        return string.Empty;
    }

    private static DiagnosticInfo FromCore(SecretsDiagnostic diagnostic, string path) => new(
        diagnostic.Code,
        diagnostic.Severity switch
        {
            SecretsSeverity.Error => DiagnosticSeverity.Error,
            SecretsSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        },
        diagnostic.FullMessage,
        FromCore(diagnostic.Location, path));

    /// <summary>Core locations are 1-based line and column; Roslyn's are 0-based.</summary>
    private static LocationInfo FromCore(SourceLocation? location, string path)
    {
        if (location is null || location.Line <= 0)
        {
            return FileOnly(path);
        }

        var start = new LinePosition(location.Line - 1, Math.Max(0, location.Column - 1));
        var end = location.EndLine > 0
            ? new LinePosition(location.EndLine - 1, Math.Max(0, location.EndColumn - 1))
            : start;
        if (end < start)
        {
            end = start;
        }

        return new LocationInfo(
            path,
            new TextSpan(Math.Max(0, location.Offset), Math.Max(0, location.Length)),
            new LinePositionSpan(start, end));
    }

    private static LocationInfo FileOnly(string path) => new(path, default, default);

    /// <summary>
    /// The file name alone, whichever separator the path uses, so the generated text is the same
    /// on every machine (it is named in the generated file's header).
    /// </summary>
    private static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
}
