using System;
using System.Collections.Generic;
using System.Linq;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

public static partial class SchemaParser
{
    private static readonly string[] CommonRuleFields = { "kind", "minLength", "maxLength", "minimumEntropyBits" };

    private static readonly Dictionary<string, (GenerationKind Kind, string[] Fields)> Kinds = new(StringComparer.Ordinal)
    {
        ["password"] = (GenerationKind.Password, new[] { "length", "alphabet" }),
        ["token"] = (GenerationKind.Token, new[] { "prefix", "length", "alphabet" }),
        ["hex"] = (GenerationKind.Hex, new[] { "bytes" }),
        ["base64"] = (GenerationKind.Base64, new[] { "bytes" }),
        ["base64url"] = (GenerationKind.Base64Url, new[] { "bytes" }),
        ["uuid"] = (GenerationKind.Uuid, Array.Empty<string>()),
    };

    private static GenerationRule? ReadRule(JsonMember generate, string name, int schemaMinimumEntropy, SchemaReadContext context)
    {
        var kinds = string.Join(", ", Kinds.Keys);
        if (!context.ExpectKind(generate.Value, JsonNodeKind.Object, $"\"generate\" of '{name}'",
                $"Describe the rule, e.g. {{ \"kind\": \"password\", \"length\": 32 }}; kinds: {kinds}."))
        {
            return null;
        }

        var kindProperty = generate.Value.Properties.FirstOrDefault(p => p.Name == "kind");
        if (kindProperty is null)
        {
            context.Error(DiagnosticCodes.SchemaMissingField, $"The \"generate\" rule of '{name}' has no \"kind\".", $"Add \"kind\" with one of: {kinds}.", generate);
            return null;
        }

        if (!context.ExpectKind(kindProperty.Value, JsonNodeKind.String, $"\"kind\" of '{name}'", $"Use one of: {kinds}."))
        {
            return null;
        }

        if (!Kinds.TryGetValue(kindProperty.Value.Text!, out var kind))
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"'{kindProperty.Value.Text}' is not a generation kind.",
                $"Use one of: {kinds}; for a value you supply, use \"external\": true instead of \"generate\".", kindProperty.Value);
            return null;
        }

        var members = context.Members(generate.Value, $"the {kindProperty.Value.Text} rule of '{name}'", CommonRuleFields.Concat(kind.Fields).ToArray());
        var what = $"'{name}'";
        var defaultLength = kind.Kind == GenerationKind.Token ? SchemaDefaults.TokenLength : SchemaDefaults.PasswordLength;
        var length = context.ReadInt(members, "length", $"\"length\" of {what}", 1, 4096) ?? defaultLength;
        var bytes = context.ReadInt(members, "bytes", $"\"bytes\" of {what}", 1, 4096) ?? SchemaDefaults.RandomBytes;
        var minLength = context.ReadInt(members, "minLength", $"\"minLength\" of {what}", 1, 65536);
        var maxLength = context.ReadInt(members, "maxLength", $"\"maxLength\" of {what}", 1, 65536);
        var entropyOverride = context.ReadInt(members, "minimumEntropyBits", $"\"minimumEntropyBits\" of {what}", 32, 1024);
        var defaultAlphabet = kind.Kind == GenerationKind.Token ? Alphabets.Alphanumeric : Alphabets.EnvSafe;
        var alphabet = ReadCharacters(members, "alphabet", what, context) ?? defaultAlphabet;
        var prefix = ReadCharacters(members, "prefix", what, context) ?? string.Empty;

        if (members.TryGetValue("alphabet", out var alphabetProperty) && alphabet.Length < 2)
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"The alphabet of {what} needs at least two different characters.",
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
    private static string? ReadCharacters(Dictionary<string, JsonMember> members, string field, string what, SchemaReadContext context)
    {
        var fix = $"Use only letters, digits and - _ . + / = : @ % , ^ (characters .env readers take literally).";
        var text = context.ReadString(members, field, $"\"{field}\" of {what}", fix);
        if (text is null)
        {
            return null;
        }

        var unsafeCharacters = text.Where(c => Alphabets.EnvSafe.IndexOf(c) < 0).Distinct().ToArray();
        if (unsafeCharacters.Length > 0)
        {
            var shown = string.Join(" ", unsafeCharacters.Select(c => char.IsWhiteSpace(c) || char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString()));
            context.Error(DiagnosticCodes.SchemaUnsafeCharacters, $"The {field} of {what} contains {shown}, which .env readers do not all read literally.", fix, members[field].Value);
            return null;
        }

        if (field == "alphabet" && text.Distinct().Count() != text.Length)
        {
            context.Error(DiagnosticCodes.SchemaInvalidValue, $"The alphabet of {what} repeats characters, which would make some more likely than others.",
                "List each character once.", members[field].Value);
            return null;
        }

        return text;
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
