using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

/// <summary>Collects diagnostics while the schema is read and offers the typed field readers every section uses.</summary>
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
    public Dictionary<string, JsonMember> Members(JsonNode obj, string where, ICollection<string> known)
    {
        var members = new Dictionary<string, JsonMember>(System.StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            if (members.ContainsKey(property.Name))
            {
                Error(DiagnosticCodes.SchemaDuplicateProperty,
                    $"'{property.Name}' appears twice in {where}.",
                    "Keep one of them; JSON readers would silently drop the other.", property);
                continue;
            }

            if (!known.Contains(property.Name))
            {
                Error(DiagnosticCodes.SchemaUnknownField,
                    $"Unknown field '{property.Name}' in {where}.",
                    $"Use one of: {string.Join(", ", known)}.", property);
                continue;
            }

            members.Add(property.Name, property);
        }

        return members;
    }

    public bool ExpectKind(JsonNode node, JsonNodeKind kind, string what, string fix)
    {
        if (node.Kind == kind || (kind == JsonNodeKind.True && node.Kind == JsonNodeKind.False))
        {
            return true;
        }

        var expected = kind switch
        {
            JsonNodeKind.Object => "an object",
            JsonNodeKind.Array => "an array",
            JsonNodeKind.String => "a string",
            JsonNodeKind.Number => "a number",
            _ => "true or false",
        };
        Error(DiagnosticCodes.SchemaInvalidValue, $"{what} must be {expected}, not {node.Describe()}.", fix, node);
        return false;
    }

    public string? ReadString(Dictionary<string, JsonMember> members, string name, string what, string fix)
    {
        if (!members.TryGetValue(name, out var property))
        {
            return null;
        }

        return ExpectKind(property.Value, JsonNodeKind.String, what, fix) ? property.Value.Text : null;
    }

    public int? ReadInt(Dictionary<string, JsonMember> members, string name, string what, int min, int max)
    {
        if (!members.TryGetValue(name, out var property))
        {
            return null;
        }

        var fix = $"Use a whole number from {min} to {max}.";
        if (!ExpectKind(property.Value, JsonNodeKind.Number, what, fix))
        {
            return null;
        }

        if (!int.TryParse(property.Value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Error(DiagnosticCodes.SchemaInvalidValue, $"{what} is {property.Value.Text}; it must be a whole number from {min} to {max}.", fix, property.Value);
            return null;
        }

        return value;
    }

    public bool? ReadBool(Dictionary<string, JsonMember> members, string name, string what)
    {
        if (!members.TryGetValue(name, out var property))
        {
            return null;
        }

        return ExpectKind(property.Value, JsonNodeKind.True, what, "Use true or false.")
            ? property.Value.Kind == JsonNodeKind.True
            : null;
    }
}
