using System.Text.Json;

namespace Secrets.Build.Tool.Status;

/// <summary>The inventory as JSON for scripts: the same facts as the table, never a value.</summary>
internal static class StatusJson
{
    public static void Write(Stream stream, StatusModel model)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("environment", model.Environment);
        json.WriteString("schema", model.SchemaPath);
        json.WriteStartObject("store");
        json.WriteString("path", model.StorePath);
        json.WriteBoolean("exists", model.StoreExists);
        WriteOptional(json, "generation", model.Generation);
        WriteStrings(json, "keyIds", model.KeyIds);
        json.WriteEndObject();
        json.WriteStartObject("outputs");
        json.WriteString("state", model.OutputsState);
        json.WriteStartArray("files");
        foreach (var output in model.Outputs)
        {
            json.WriteStartObject();
            json.WriteString("path", output.Path);
            json.WriteBoolean("exists", output.Exists);
            json.WriteBoolean("current", output.Current);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("secrets");
        foreach (var row in model.Secrets)
        {
            json.WriteStartObject();
            json.WriteString("name", row.Name);
            json.WriteString("category", row.Category);
            json.WriteString("type", row.Type);
            WriteOptional(json, "source", row.Source);
            WriteOptional(json, "version", row.Version);
            WriteOptional(json, "rotated", row.Rotated?.ToString("O"));
            WriteOptional(json, "due", row.Due?.ToString("O"));
            WriteStrings(json, "services", row.Services);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
