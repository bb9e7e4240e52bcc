using System;
using System.Collections.Generic;
using System.Linq;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

internal static partial class SchemaParser
{
    /// <summary>A generation kind as the schema spells it: its fields and how diagnostics name its rules.</summary>
    private sealed class KindInfo
    {
        public KindInfo(GenerationKind kind, string spelling, string[] fields)
        {
            Kind = kind;
            Fields = fields;
            RuleOf = "the " + spelling + " rule of";
        }

        public GenerationKind Kind { get; }

        /// <summary>Every field the rule accepts, common ones first.</summary>
        public string[] Fields { get; }

        /// <summary>How diagnostics name a rule of this kind, before the secret's name.</summary>
        public string RuleOf { get; }
    }

    private static readonly Dictionary<string, KindInfo> Kinds = new(StringComparer.Ordinal)
    {
        ["password"] = new(GenerationKind.Password, "password", SchemaFields.PasswordRule),
        ["token"] = new(GenerationKind.Token, "token", SchemaFields.TokenRule),
        ["hex"] = new(GenerationKind.Hex, "hex", SchemaFields.BytesRule),
        ["base64"] = new(GenerationKind.Base64, "base64", SchemaFields.BytesRule),
        ["base64url"] = new(GenerationKind.Base64Url, "base64url", SchemaFields.BytesRule),
        ["uuid"] = new(GenerationKind.Uuid, "uuid", SchemaFields.CommonRule),
    };

    /// <summary>The kinds as diagnostics list them (declared in this file, after <see cref="Kinds"/>, so it is initialized after it).</summary>
    private static readonly string KindList = string.Join(", ", Kinds.Keys);

    private static GenerationRule? ReadRule(JsonMember generate, string name, int schemaMinimumEntropy, SchemaReadContext context)
    {
        var kinds = KindList;
        if (generate.Value.Kind != JsonNodeKind.Object)
        {
            context.ReportWrongKind(generate.Value, JsonNodeKind.Object, new Subject("\"generate\" of", name),
                $"Describe the rule, e.g. {{ \"kind\": \"password\", \"length\": 32 }}; kinds: {kinds}.");
            return null;
        }

        var kindProperty = FirstNamed(generate.Value.Properties, "kind");
        if (kindProperty is null)
        {
            context.Error(DiagnosticCodes.SchemaMissingField, $"The \"generate\" rule of '{name}' has no \"kind\".", $"Add \"kind\" with one of: {kinds}.", generate);
            return null;
        }

        if (kindProperty.Value.Kind != JsonNodeKind.String)
        {
            context.ReportWrongKind(kindProperty.Value, JsonNodeKind.String, new Subject("\"kind\" of", name), $"Use one of: {kinds}.");
            return null;
        }

        if (!Kinds.TryGetValue(kindProperty.Value.Text!, out var kind))
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"'{kindProperty.Value.Text}' is not a generation kind.",
                $"Use one of: {kinds}; for a value you supply, use \"external\": true instead of \"generate\".", kindProperty.Value);
            return null;
        }

        var members = context.Members(generate.Value, new Subject(kind.RuleOf, name), kind.Fields);
        var defaultLength = kind.Kind == GenerationKind.Token ? SchemaDefaults.TokenLength : SchemaDefaults.PasswordLength;
        var length = context.ReadInt(members, "length", new Subject("\"length\" of", name), 1, 4096) ?? defaultLength;
        var bytes = context.ReadInt(members, "bytes", new Subject("\"bytes\" of", name), 1, 4096) ?? SchemaDefaults.RandomBytes;
        var minLength = context.ReadInt(members, "minLength", new Subject("\"minLength\" of", name), 1, 65536);
        var maxLength = context.ReadInt(members, "maxLength", new Subject("\"maxLength\" of", name), 1, 65536);
        var entropyOverride = context.ReadInt(members, "minimumEntropyBits", new Subject("\"minimumEntropyBits\" of", name), 32, 1024);
        var defaultAlphabet = kind.Kind == GenerationKind.Token ? Alphabets.Alphanumeric : Alphabets.EnvSafe;
        var alphabet = ReadCharacters(members, "alphabet", name, context) ?? defaultAlphabet;
        var prefix = ReadCharacters(members, "prefix", name, context) ?? string.Empty;

        if (members.TryGetValue("alphabet", out var alphabetProperty) && alphabet.Length < 2)
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"The alphabet of '{name}' needs at least two different characters.",
                "List the characters to draw from, or remove \"alphabet\" to use the default.", alphabetProperty.Value);
            return null;
        }

        var rule = new GenerationRule(kind.Kind, length, bytes, alphabet, prefix, minLength, maxLength, entropyOverride);
        CheckRuleIsPossible(generate, name, rule, schemaMinimumEntropy, context);
        return rule;
    }

    /// <summary>
    /// Alphabets and prefixes become part of values written unquoted to .env files,
    /// so they must stay inside the set every reader takes literally.
    /// </summary>
    private static string? ReadCharacters(ObjectMembers members, string field, string name, SchemaReadContext context)
    {
        const string fix = "Use only letters, digits and - _ . + / = : @ % , ^ (characters .env readers take literally).";
        if (!members.TryGetValue(field, out var property))
        {
            return null;
        }

        var text = context.ReadString(members, field, new Subject("\"" + field + "\" of", name), fix);
        if (text is null)
        {
            return null;
        }

        var what = $"'{name}'";
        if (!Alphabets.IsEnvSafe(text))
        {
            var unsafeCharacters = text.Where(c => Alphabets.EnvSafe.IndexOf(c) < 0).Distinct().ToArray();
            var shown = string.Join(" ", unsafeCharacters.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
            context.Error(DiagnosticCodes.SchemaUnsafeCharacters, $"The {field} of {what} contains {shown}, which .env readers do not all read literally.", fix, property.Value);
            return null;
        }

        if (field == "alphabet" && text.Distinct().Count() != text.Length)
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"The alphabet of {what} repeats characters, which would make some more likely than others.",
                "List each character once.", property.Value);
            return null;
        }

        return text;
    }

    private static JsonMember? FirstNamed(JsonMember[] properties, string name)
    {
        foreach (var property in properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    private static void CheckRuleIsPossible(JsonMember generate, string name, GenerationRule rule, int schemaMinimumEntropy, SchemaReadContext context)
    {
        var minimum = rule.MinimumEntropyBits ?? schemaMinimumEntropy;
        if (rule.EntropyBits < minimum)
        {
            context.Error(DiagnosticCodes.SchemaRuleTooWeak,
                $"The rule of '{name}' gives {rule.EntropyBits:0.#} bits of entropy; the minimum is {minimum}.",
                $"{StrengthFix(rule, minimum)}, or set \"minimumEntropyBits\" in the rule if a consumer caps the length.",
                generate);
        }

        if (rule.MaxLength is { } max && rule.GeneratedLength > max)
        {
            context.Error(DiagnosticCodes.SchemaRuleTooLong,
                $"The rule of '{name}' makes {rule.GeneratedLength}-character values, above its \"maxLength\" of {max}.",
                "Lower \"length\" or \"bytes\", or raise \"maxLength\" if the consumer allows it.", generate);
        }

        if (rule.MinLength is { } min && rule.GeneratedLength < min)
        {
            context.Error(DiagnosticCodes.SchemaRuleTooShort,
                $"The rule of '{name}' makes {rule.GeneratedLength}-character values, below its \"minLength\" of {min}.",
                "Raise \"length\" or \"bytes\".", generate);
        }
    }

    private static string StrengthFix(GenerationRule rule, int minimum) => rule.Kind switch
    {
        GenerationKind.Password or GenerationKind.Token when rule.Alphabet.Length > 1 =>
            $"Raise \"length\" to at least {(int)Math.Ceiling(minimum / Math.Log(rule.Alphabet.Length, 2))} or use a larger alphabet",
        GenerationKind.Hex or GenerationKind.Base64 or GenerationKind.Base64Url =>
            $"Raise \"bytes\" to at least {(minimum + 7) / 8}",
        GenerationKind.Uuid => "A UUID carries 122 random bits: use kind hex with 16 or more bytes instead, or accept 122 by setting \"minimumEntropyBits\": 122",
        _ => "Use a stronger kind such as hex with 32 bytes",
    };
}
