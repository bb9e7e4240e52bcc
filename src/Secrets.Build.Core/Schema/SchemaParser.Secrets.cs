using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

internal static partial class SchemaParser
{
    private static ImmutableArray<SecretDefinition> ReadSecrets(
        JsonTreeReader tree,
        ObjectMembers members,
        ImmutableArray<RotationPolicy> policies,
        int minimumEntropy,
        SchemaReadContext context)
    {
        if (!members.TryGetValue("secrets", out var property))
        {
            context.Error(DiagnosticCodes.SchemaMissingField, "The schema has no \"secrets\" object.",
                "Add \"secrets\": { \"POSTGRES_PASSWORD\": { \"category\": \"database_passwords\" } }.", tree.Root);
            return ImmutableArray<SecretDefinition>.Empty;
        }

        if (!context.ExpectKind(property.Value, JsonNodeKind.Object, "\"secrets\"",
                "Map each variable name to its declaration: { \"POSTGRES_PASSWORD\": { ... } }."))
        {
            return ImmutableArray<SecretDefinition>.Empty;
        }

        var count = property.Value.MemberCount;
        if (count == 0)
        {
            context.Warning(DiagnosticCodes.SchemaEmpty, "The schema declares no secrets.",
                "Declare the secrets your app needs under \"secrets\".", property);
        }

        var secrets = ImmutableArray.CreateBuilder<SecretDefinition>(count);

        // Name to where it was first declared: positions only, so no declaration's tree outlives its reading.
        var byName = new Dictionary<string, FirstDeclaration>(count, StringComparer.OrdinalIgnoreCase);
        var byPropertyName = new Dictionary<string, string>(count, StringComparer.Ordinal);
        var categories = new Categories(policies);

        var declared = tree.StreamMembers(property.Value);
        for (var entry = declared.Next(); entry is not null; entry = declared.Next())
        {
            // One hash per name when it is new, which is nearly always.
            if (!TryAdd(byName, entry.Name, new FirstDeclaration(entry.NameStart, entry.NameEnd)))
            {
                var first = byName[entry.Name];
                var line = context.Positions.Span(first.NameStart, first.NameEnd).Line;
                context.Error(DiagnosticCodes.SchemaDuplicateName,
                    $"Secret '{entry.Name}' is declared twice (first on line {line}; environment variables are matched without case on Windows).",
                    "Remove or rename one of the declarations.", entry);
                continue;
            }

            if (!NameConventions.IsValidSecretName(entry.Name))
            {
                context.Error(DiagnosticCodes.SchemaInvalidName,
                    $"'{entry.Name}' is not an environment-variable style name.",
                    "Use upper-case letters, digits and underscores, starting with a letter, e.g. POSTGRES_PASSWORD.", entry);
                continue;
            }

            if (NameConventions.HasPreviousSuffix(entry.Name))
            {
                var current = entry.Name.Substring(0, entry.Name.Length - NameConventions.PreviousSuffix.Length);
                context.Error(DiagnosticCodes.SchemaReservedPreviousSuffix,
                    $"'{entry.Name}' ends in {NameConventions.PreviousSuffix}, the suffix of the variable that carries '{current}''s value from before its last rotation.",
                    $"Rename the secret; a rotation of '{current}' writes {entry.Name} by itself, and code reads it as AppSecrets.Previous.", entry);
                continue;
            }

            if (NameConventions.IsReservedVariable(entry.Name))
            {
                context.Error(DiagnosticCodes.SchemaReservedVariable,
                    $"'{entry.Name}' is a variable Secrets.Build or .NET reads for its own settings (the environment, keys, workspace); as a secret it would be written to .env and the compose environment, where it would change what the tool or the app does.",
                    "Rename the secret, e.g. with a prefix naming its service (APP_...).", entry);
                continue;
            }

            var propertyName = NameConventions.ToPropertyName(entry.Name);
            if (NameConventions.ReservedPropertyNames.Contains(propertyName))
            {
                context.Error(DiagnosticCodes.SchemaIdentifierCollision,
                    $"'{entry.Name}' maps to the C# property '{propertyName}', which AppSecrets already defines.",
                    "Rename the secret, e.g. add a prefix such as APP_.", entry);
                continue;
            }

            if (!TryAdd(byPropertyName, propertyName, entry.Name))
            {
                context.Error(DiagnosticCodes.SchemaIdentifierCollision,
                    $"'{entry.Name}' and '{byPropertyName[propertyName]}' both map to the C# property '{propertyName}'.",
                    "Rename one of them so their names differ by more than underscores.", entry);
                continue;
            }

            var secret = ReadSecret(entry, propertyName, categories, minimumEntropy, context);
            if (secret is not null)
            {
                secrets.Add(secret);
            }
        }

        return secrets.Count == secrets.Capacity ? secrets.MoveToImmutable() : secrets.ToImmutable();
    }

    /// <summary>Adds the entry unless the key is there; netstandard2.0 (the generator) has no Dictionary.TryAdd.</summary>
    private static bool TryAdd<TValue>(Dictionary<string, TValue> dictionary, string key, TValue value)
        where TValue : class
    {
#if NETSTANDARD2_0
        if (dictionary.ContainsKey(key))
        {
            return false;
        }

        dictionary.Add(key, value);
        return true;
#else
        return dictionary.TryAdd(key, value);
#endif
    }

    /// <summary>Where a secret's name was first declared, for the error about a second declaration.</summary>
    private sealed class FirstDeclaration
    {
        public FirstDeclaration(int nameStart, int nameEnd)
        {
            NameStart = nameStart;
            NameEnd = nameEnd;
        }

        public int NameStart { get; }

        public int NameEnd { get; }
    }

    private static SecretDefinition? ReadSecret(
        JsonMember entry,
        string propertyName,
        Categories categories,
        int minimumEntropy,
        SchemaReadContext context)
    {
        var name = entry.Name;
        if (!context.ExpectKind(entry.Value, JsonNodeKind.Object, new Subject("The declaration of", name),
                "Declare it as an object: { \"category\": \"api_keys\", \"generate\": { \"kind\": \"hex\" } }."))
        {
            return null;
        }

        var members = context.Members(entry.Value, new Subject("secret", name), SchemaFields.Secret);
        var errorsBefore = context.HasErrors;

        var description = context.ReadString(members, "description", new Subject("The description of", name), "Describe the secret in a sentence.") ?? string.Empty;
        var category = ReadCategory(entry, members, categories, context);
        var type = ReadType(members, name, context);
        var services = ReadServices(members, name, context);
        var rotationDays = context.ReadInt(members, "rotationDays", new Subject("\"rotationDays\" of", name), 1, 3650);
        var external = context.ReadBool(members, "external", new Subject("\"external\" of", name)) ?? false;

        GenerationRule? rule;
        if (external)
        {
            if (members.TryGetValue("generate", out var generate))
            {
                context.Error(DiagnosticCodes.SchemaInvalidValue,
                    $"'{name}' is both \"external\" and has a \"generate\" rule.",
                    "Remove \"generate\" for a value you supply, or remove \"external\": true to have it generated.", generate);
            }

            rule = GenerationRule.External;
        }
        else if (members.TryGetValue("generate", out var generate))
        {
            rule = ReadRule(generate, name, minimumEntropy, context);
        }
        else
        {
            rule = DefaultRule(type);
        }

        if (rule is not null && type is not null)
        {
            CheckTypeAgainstRule(entry, name, type.Value, rule, context);
        }

        if (category is null || type is null || rule is null || context.HasErrors && !errorsBefore)
        {
            return null;
        }

        var location = context.Positions.Span(entry.NameStart, entry.NameEnd);
        return new SecretDefinition(name, propertyName, description, category, type.Value, rule, services, rotationDays, location);
    }

    private static string? ReadCategory(JsonMember entry, ObjectMembers members, Categories known, SchemaReadContext context)
    {
        if (!members.TryGetValue("category", out var property))
        {
            context.Error(DiagnosticCodes.SchemaMissingField, $"'{entry.Name}' has no \"category\".",
                $"Add \"category\" with one of: {known.Choices} (or declare a new one under \"rotationPolicies\").", entry);
            return null;
        }

        if (property.Value.Kind != JsonNodeKind.String)
        {
            context.ReportWrongKind(property.Value, JsonNodeKind.String, new Subject("The category of", entry.Name), $"Use one of: {known.Choices}.");
            return null;
        }

        var category = property.Value.Text!;
        var declared = known.Find(category);
        if (declared is null)
        {
            context.Error(DiagnosticCodes.SchemaUnknownCategory,
                $"'{entry.Name}' has category '{category}', which has no rotation policy.",
                $"Use one of: {known.Choices}; or declare \"{category}\" under \"rotationPolicies\" with its period in days.",
                property.Value);
            return null;
        }

        return declared;
    }

    private static SecretValueType? ReadType(ObjectMembers members, string name, SchemaReadContext context)
    {
        const string fix = "Use one of: string, int, bool, uri, bytes.";
        if (!members.ContainsKey("type"))
        {
            return SecretValueType.String;
        }

        var text = context.ReadString(members, "type", new Subject("The type of", name), fix);
        switch (text)
        {
            case null: return null;
            case "string": return SecretValueType.String;
            case "int": return SecretValueType.Int;
            case "bool": return SecretValueType.Bool;
            case "uri": return SecretValueType.Uri;
            case "bytes": return SecretValueType.Bytes;
            default:
                context.Error(DiagnosticCodes.SchemaInvalidValue, $"'{text}' is not a type; '{name}' needs one of string, int, bool, uri, bytes.", fix, members["type"].Value);
                return null;
        }
    }

    private static ImmutableArray<string> ReadServices(ObjectMembers members, string name, SchemaReadContext context)
    {
        const string fix = "List docker compose service names, e.g. [\"postgres\", \"api\"].";
        if (!members.TryGetValue("services", out var property)
            || !context.ExpectKind(property.Value, JsonNodeKind.Array, new Subject("\"services\" of", name), fix))
        {
            return ImmutableArray<string>.Empty;
        }

        var services = ImmutableArray.CreateBuilder<string>(property.Value.Items.Length);
        foreach (var item in property.Value.Items)
        {
            if (!context.ExpectKind(item, JsonNodeKind.String, new Subject("A service of", name), fix))
            {
                continue;
            }

            if (!NameConventions.IsValidServiceName(item.Text!))
            {
                context.Error(DiagnosticCodes.SchemaInvalidValue, $"'{item.Text}' is not a docker compose service name.",
                    "Use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.", item);
            }
            else if (services.Contains(item.Text!))
            {
                context.Error(DiagnosticCodes.SchemaInvalidValue, $"Service '{item.Text}' is listed twice for '{name}'.", "Remove the repeated name.", item);
            }
            else
            {
                services.Add(item.Text!);
            }
        }

        return services.Count == services.Capacity ? services.MoveToImmutable() : services.ToImmutable();
    }

    private static void CheckTypeAgainstRule(JsonMember entry, string name, SecretValueType type, GenerationRule rule, SchemaReadContext context)
    {
        var fits = type switch
        {
            SecretValueType.String => true,
            SecretValueType.Bytes => rule.Kind is GenerationKind.Hex or GenerationKind.Base64 or GenerationKind.Base64Url or GenerationKind.External,
            _ => rule.Kind == GenerationKind.External,
        };
        if (!fits)
        {
            var fix = type == SecretValueType.Bytes
                ? "Generate bytes with kind hex, base64 or base64url, or mark the secret \"external\"."
                : $"A {type.ToString().ToLowerInvariant()} value cannot be generated: mark it \"external\": true, or use type string.";
            context.Error(DiagnosticCodes.SchemaTypeMismatch,
                $"'{name}' has type {type.ToString().ToLowerInvariant()}, which kind {rule.Kind.ToString().ToLowerInvariant()} does not produce.",
                fix, entry);
        }
    }

    private static GenerationRule DefaultRule(SecretValueType? type) => type == SecretValueType.Bytes
        ? new GenerationRule(GenerationKind.Base64, 0, SchemaDefaults.RandomBytes, string.Empty, string.Empty, null, null, null)
        : new GenerationRule(GenerationKind.Password, SchemaDefaults.PasswordLength, 0, Alphabets.EnvSafe, string.Empty, null, null, null);
}
