using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

/// <summary>
/// Collects diagnostics while the schema is read and offers the typed field readers every section uses.
/// Message text is built only when something is reported: the valid path allocates no words.
/// </summary>
internal sealed class SchemaReadContext
{
    private readonly ImmutableArray<SecretsDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<SecretsDiagnostic>();

    public SchemaReadContext(TextPositions positions) => Positions = positions;

    public TextPositions Positions { get; }

    public bool HasErrors { get; private set; }

    public ImmutableArray<SecretsDiagnostic> Diagnostics => _diagnostics.ToImmutable();

    public void Error(string code, string message, string fix, JsonNode node) =>
        Report(SecretsDiagnostic.Error(code, message, fix, Positions.Span(node.Start, node.End)));

    public void Error(string code, string message, string fix, JsonMember property) =>
        Report(SecretsDiagnostic.Error(code, message, fix, Positions.Span(property.NameStart, property.NameEnd)));

    public void Warning(string code, string message, string fix, JsonMember property) =>
        Report(SecretsDiagnostic.Warning(code, message, fix, Positions.Span(property.NameStart, property.NameEnd)));

    public void Report(SecretsDiagnostic diagnostic)
    {
        HasErrors |= diagnostic.Severity == SecretsSeverity.Error;
        _diagnostics.Add(diagnostic);
    }

    /// <summary>
    /// Returns the object's members by name, reporting repeated and unknown ones
    /// (a repeated key is almost always a copy-paste mistake that silently drops a value).
    /// </summary>
    public ObjectMembers Members(JsonNode obj, Subject where, string[] knownFields)
    {
        var properties = obj.Properties;
        List<JsonMember>? kept = null;
        for (var i = 0; i < properties.Length; i++)
        {
            var property = properties[i];
            var known = IsKnown(property.Name, knownFields);
            if (!known || AppearsBefore(properties, i))
            {
                ReportUnusable(property, known, where, knownFields);
                kept ??= FirstMembers(properties, i);
            }
            else
            {
                kept?.Add(property);
            }
        }

        return new ObjectMembers(kept is null ? properties : kept.ToArray());
    }

    private void ReportUnusable(JsonMember property, bool known, Subject where, string[] knownFields)
    {
        if (known)
        {
            Error(DiagnosticCodes.SchemaDuplicateProperty,
                $"'{property.Name}' appears twice in {where}.",
                "Keep one of them; JSON readers would silently drop the other.", property);
        }
        else
        {
            Error(DiagnosticCodes.SchemaUnknownField,
                $"Unknown field '{property.Name}' in {where}.",
                $"Use one of: {string.Join(", ", knownFields)}.", property);
        }
    }

    private static List<JsonMember> FirstMembers(JsonMember[] properties, int count)
    {
        var list = new List<JsonMember>(properties.Length);
        for (var i = 0; i < count; i++)
        {
            list.Add(properties[i]);
        }

        return list;
    }

    /// <summary>True when a member of the same name comes earlier (for a known name, that one is the member kept).</summary>
    private static bool AppearsBefore(JsonMember[] properties, int index)
    {
        var name = properties[index].Name;
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(properties[i].Name, name, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKnown(string name, string[] known)
    {
        foreach (var field in known)
        {
            if (string.Equals(field, name, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="node"/> is what <see cref="ExpectKind"/> would accept.</summary>
    public static bool IsKind(JsonNode node, JsonNodeKind kind) =>
        node.Kind == kind || (kind == JsonNodeKind.True && node.Kind == JsonNodeKind.False);

    public bool ExpectKind(JsonNode node, JsonNodeKind kind, Subject what, string fix)
    {
        if (IsKind(node, kind))
        {
            return true;
        }

        ReportWrongKind(node, kind, what, fix);
        return false;
    }

    /// <summary>The error <see cref="ExpectKind"/> reports, for callers whose fix text is costly to build up front.</summary>
    public void ReportWrongKind(JsonNode node, JsonNodeKind kind, Subject what, string fix)
    {
        var expected = kind switch
        {
            JsonNodeKind.Object => "an object",
            JsonNodeKind.Array => "an array",
            JsonNodeKind.String => "a string",
            JsonNodeKind.Number => "a number",
            _ => "true or false",
        };
        Error(DiagnosticCodes.SchemaInvalidValue, $"{what} must be {expected}, not {node.Describe()}.", fix, node);
    }

    public string? ReadString(ObjectMembers members, string name, Subject what, string fix)
    {
        if (!members.TryGetValue(name, out var property))
        {
            return null;
        }

        return ExpectKind(property.Value, JsonNodeKind.String, what, fix) ? property.Value.Text : null;
    }

    public int? ReadInt(ObjectMembers members, string name, Subject what, int min, int max) =>
        members.TryGetValue(name, out var property) ? ReadInt(property, what, min, max) : null;

    public int? ReadInt(JsonMember property, Subject what, int min, int max)
    {
        if (property.Value.Kind != JsonNodeKind.Number)
        {
            ReportWrongKind(property.Value, JsonNodeKind.Number, what, WholeNumberFix(min, max));
            return null;
        }

        if (!int.TryParse(property.Value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Error(DiagnosticCodes.SchemaInvalidValue, $"{what} is {property.Value.Text}; it must be a whole number from {min} to {max}.",
                WholeNumberFix(min, max), property.Value);
            return null;
        }

        return value;
    }

    public bool? ReadBool(ObjectMembers members, string name, Subject what)
    {
        if (!members.TryGetValue(name, out var property))
        {
            return null;
        }

        return ExpectKind(property.Value, JsonNodeKind.True, what, "Use true or false.")
            ? property.Value.Kind == JsonNodeKind.True
            : null;
    }

    private static string WholeNumberFix(int min, int max) => $"Use a whole number from {min} to {max}.";
}
