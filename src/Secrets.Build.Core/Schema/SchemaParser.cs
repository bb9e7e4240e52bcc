using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

/// <summary>
/// Reads <c>secrets.schema.json</c> into a <see cref="SecretsSchema"/>, reporting every problem
/// with its SECB code, line, column and fix. It never throws for bad input.
/// </summary>
internal static partial class SchemaParser
{
    /// <summary>The only schema format version this tool reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>Schemas above this size are refused before they are read (10,000 secrets take about 3 MB).</summary>
    public const long MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Parses schema text. <paramref name="path"/> is used only in diagnostics.</summary>
    public static SchemaParseResult Parse(string text, string? path)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        return Parse(utf8, utf8.Length, new TextPositions(text, utf8.Length, path), path);
    }

    /// <summary>
    /// Parses the first <paramref name="length"/> bytes of <paramref name="ascii"/>, which the caller
    /// has checked are all ASCII (so they are their own text, and there is no byte order mark):
    /// a file read this way is never decoded into a string nor encoded back.
    /// </summary>
    internal static SchemaParseResult ParseAscii(byte[] ascii, int length, string? path) =>
        Parse(ascii, length, new TextPositions(new ReadOnlySpan<byte>(ascii, 0, length), path), path);

    private static SchemaParseResult Parse(byte[] utf8, int length, TextPositions positions, string? path)
    {
        var context = new SchemaReadContext(positions);
        JsonTreeReader tree;
        try
        {
            // "secrets" is nearly all of the file: its declarations are read one at a time.
            tree = JsonTreeReader.Open(utf8, length, deferredMember: "secrets");
        }
        catch (JsonException exception)
        {
            context.Report(SecretsDiagnostic.Error(
                DiagnosticCodes.SchemaMalformedJson,
                "The schema is not valid JSON: " + CleanJsonMessage(exception.Message),
                "Fix the JSON syntax at this position (a missing comma, quote or bracket is the usual cause).",
                positions.LineAndBytePosition(exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0)));
            return new SchemaParseResult(null, context.Diagnostics);
        }

        var schema = ReadRoot(tree, context, path);
        return new SchemaParseResult(context.HasErrors ? null : schema, context.Diagnostics);
    }

    private static SecretsSchema? ReadRoot(JsonTreeReader tree, SchemaReadContext context, string? path)
    {
        var root = tree.Root;
        if (!context.ExpectKind(root, JsonNodeKind.Object, "The schema", "Start the file with { and declare \"project\" and \"secrets\"."))
        {
            return null;
        }

        var members = context.Members(root, "the schema", SchemaFields.Root);

        var version = context.ReadInt(members, "version", "\"version\"", 1, int.MaxValue);
        if (version is { } v && v != FormatVersion)
        {
            context.Error(DiagnosticCodes.SchemaUnsupportedVersion,
                $"Schema format version {v} is not supported; this version of Secrets.Build reads version {FormatVersion}.",
                $"Set \"version\": {FormatVersion}, or update the Secrets.Build package.", members["version"].Value);
            return null;
        }

        var project = ReadProject(root, members, context);
        var environments = ReadEnvironments(members, context);
        var minimumEntropy = context.ReadInt(members, "minimumEntropyBits", "\"minimumEntropyBits\"", 64, 1024)
            ?? SchemaDefaults.MinimumEntropyBits;
        var policies = ReadRotationPolicies(members, context);
        var secrets = ReadSecrets(tree, members, policies, minimumEntropy, context);

        return new SecretsSchema(project ?? string.Empty, environments, policies, minimumEntropy, secrets, path);
    }

    private static string? ReadProject(JsonNode root, ObjectMembers members, SchemaReadContext context)
    {
        const string fix = "Use a short lower-case name such as \"my-app\" (letters, digits and hyphens): it names the Kubernetes Secret.";
        if (!members.ContainsKey("project"))
        {
            context.Error(DiagnosticCodes.SchemaMissingField, "The schema has no \"project\" name.", fix, root);
            return null;
        }

        var project = context.ReadString(members, "project", "\"project\"", fix);
        if (project is not null && !NameConventions.IsValidProjectName(project))
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"\"project\" value '{project}' is not a valid name.", fix, members["project"].Value);
            return null;
        }

        return project;
    }

    private static ImmutableArray<string> ReadEnvironments(ObjectMembers members, SchemaReadContext context)
    {
        if (!members.TryGetValue("environments", out var property))
        {
            return SchemaDefaults.Environments;
        }

        const string fix = "List environment names such as [\"development\", \"staging\", \"production\"].";
        if (!context.ExpectKind(property.Value, JsonNodeKind.Array, "\"environments\"", fix))
        {
            return SchemaDefaults.Environments;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var item in property.Value.Items)
        {
            if (!context.ExpectKind(item, JsonNodeKind.String, "An environment name", fix))
            {
                continue;
            }

            var name = item.Text!.ToLowerInvariant();
            if (!NameConventions.IsValidEnvironmentName(name))
            {
                context.Error(DiagnosticCodes.SchemaInvalidEnvironment, $"'{item.Text}' is not a valid environment name.",
                    "Use a lower-case letter followed by letters, digits or hyphens (at most 32).", item);
            }
            else if (names.Contains(name))
            {
                context.Error(DiagnosticCodes.SchemaInvalidEnvironment, $"Environment '{name}' is listed twice (names are case-insensitive).",
                    "Remove the repeated name.", item);
            }
            else
            {
                names.Add(name);
            }
        }

        if (names.Count == 0)
        {
            context.Error(DiagnosticCodes.SchemaInvalidEnvironment, "\"environments\" is empty.", fix, property.Value);
        }

        return names.ToImmutable();
    }

    private static ImmutableArray<RotationPolicy> ReadRotationPolicies(ObjectMembers members, SchemaReadContext context)
    {
        var policies = new List<RotationPolicy>(SchemaDefaults.RotationPolicies);
        if (!members.TryGetValue("rotationPolicies", out var property)
            || !context.ExpectKind(property.Value, JsonNodeKind.Object, "\"rotationPolicies\"",
                "Map each category to a number of days, e.g. { \"database_passwords\": 90 }."))
        {
            return policies.ToImmutableArray();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in property.Value.Properties)
        {
            if (!seen.Add(entry.Name))
            {
                context.Error(DiagnosticCodes.SchemaDuplicateProperty, $"Category '{entry.Name}' appears twice in \"rotationPolicies\".",
                    "Keep one of them.", entry);
                continue;
            }

            if (!NameConventions.IsValidCategory(entry.Name))
            {
                context.Error(DiagnosticCodes.SchemaInvalidValue, $"'{entry.Name}' is not a valid category name.",
                    "Use lower-case snake case such as \"database_passwords\".", entry);
                continue;
            }

            var days = context.ReadInt(entry, new Subject("The rotation period of", entry.Name), 1, 3650);
            if (days is null)
            {
                continue;
            }

            var index = policies.FindIndex(p => p.Category == entry.Name);
            var policy = new RotationPolicy(entry.Name, days.Value);
            if (index >= 0)
            {
                policies[index] = policy;
            }
            else
            {
                policies.Add(policy);
            }
        }

        return policies.ToImmutableArray();
    }

    /// <summary>JsonException messages end with position and path details the diagnostic already carries.</summary>
    private static string CleanJsonMessage(string message)
    {
        foreach (var marker in new[] { " LineNumber:", " Path:" })
        {
            var index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index > 0)
            {
                message = message.Substring(0, index);
            }
        }

        return message.Trim();
    }
}
