using System.Text.Json;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// The JSON of <c>trust.json</c>: an object with <c>format</c>, <c>formatVersion</c>, a
/// <c>stores</c> array and a <c>workspaces</c> array (see <see cref="TrustRecord"/>). Read with
/// <see cref="Utf8JsonReader"/>, which every build has loaded already for the store, rather than
/// a document model. Members this version
/// does not know are skipped; anything else unexpected throws, and <see cref="TrustFile"/>
/// reports it as a damaged record.
/// </summary>
internal static class TrustRecordJson
{
    private const string Marker = "secrets-build-trust";
    private const int Version = 1;

    /// <exception cref="JsonException">Not JSON.</exception>
    /// <exception cref="FormatException">JSON, but not a trust record.</exception>
    public static TrustRecord Parse(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        Start(ref reader, JsonTokenType.StartObject);
        string? format = null;
        long version = 0;
        List<StoreTrust>? stores = null;
        List<WorkspaceTrust>? workspaces = null;
        while (NextMember(ref reader, out var name))
        {
            switch (name)
            {
                case "format": format = Text(ref reader); break;
                case "formatVersion": version = Number(ref reader); break;
                case "stores": stores = Stores(ref reader); break;
                case "workspaces": workspaces = Workspaces(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (format != Marker || version != Version || stores is null || workspaces is null || reader.Read())
        {
            throw new FormatException();
        }

        return new TrustRecord(stores, workspaces);
    }

    private static StoreTrust Store(ref Utf8JsonReader reader)
    {
        Expect(reader, JsonTokenType.StartObject);
        string? storeId = null, environment = null, auditMac = null;
        long generation = -1, sequence = -1;
        DateTimeOffset? seenAt = null, lastSeen = null;
        List<string>? keyIds = null;
        while (NextMember(ref reader, out var name))
        {
            switch (name)
            {
                case "storeId": storeId = Text(ref reader); break;
                case "environment": environment = Text(ref reader); break;
                case "generation": generation = Number(ref reader); break;
                case "generationSeenAt": seenAt = Date(ref reader); break;
                case "keyIds": keyIds = Strings(ref reader); break;
                case "auditSequence": sequence = Number(ref reader); break;
                case "auditMac": auditMac = Text(ref reader); break;
                case "lastSeen": lastSeen = Date(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        if (storeId is null || environment is null || generation is < 0 or > int.MaxValue || seenAt is null
            || keyIds is null || sequence < 0 || auditMac is null || lastSeen is null)
        {
            throw new FormatException();
        }

        return new StoreTrust(storeId, environment, (int)generation, seenAt.Value, keyIds,
            sequence > 0 ? new AuditHead(sequence, auditMac) : null, lastSeen.Value);
    }

    private static WorkspaceTrust Workspace(ref Utf8JsonReader reader)
    {
        Expect(reader, JsonTokenType.StartObject);
        string? path = null, environment = null, storeId = null;
        DateTimeOffset? lastSeen = null;
        while (NextMember(ref reader, out var name))
        {
            switch (name)
            {
                case "path": path = Text(ref reader); break;
                case "environment": environment = Text(ref reader); break;
                case "storeId": storeId = Text(ref reader); break;
                case "lastSeen": lastSeen = Date(ref reader); break;
                default: reader.Skip(); break;
            }
        }

        return path is null || environment is null || storeId is null || lastSeen is null
            ? throw new FormatException()
            : new WorkspaceTrust(path, environment, storeId, lastSeen.Value);
    }

    // One loop per kind of array rather than one generic reader with a delegate per kind: every
    // build reads this file, and each delegate instantiation is one more type to load (RESULTS.md,
    // "Cold-start cuts for the issue 16 bound").
    private static List<StoreTrust> Stores(ref Utf8JsonReader reader)
    {
        Start(ref reader, JsonTokenType.StartArray);
        var stores = new List<StoreTrust>();
        while (NextItem(ref reader))
        {
            stores.Add(Store(ref reader));
        }

        return stores;
    }

    private static List<WorkspaceTrust> Workspaces(ref Utf8JsonReader reader)
    {
        Start(ref reader, JsonTokenType.StartArray);
        var workspaces = new List<WorkspaceTrust>();
        while (NextItem(ref reader))
        {
            workspaces.Add(Workspace(ref reader));
        }

        return workspaces;
    }

    private static List<string> Strings(ref Utf8JsonReader reader)
    {
        Start(ref reader, JsonTokenType.StartArray);
        var strings = new List<string>();
        while (NextItem(ref reader))
        {
            strings.Add(Current(reader));
        }

        return strings;
    }

    // Moves onto the next array item; false at the end of the array.
    private static bool NextItem(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    // Moves onto the next member's name; false at the end of the object.
    private static bool NextMember(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        Expect(reader, JsonTokenType.PropertyName);
        name = reader.GetString()!;
        return true;
    }

    private static void Start(ref Utf8JsonReader reader, JsonTokenType token)
    {
        reader.Read();
        Expect(reader, token);
    }

    private static void Expect(in Utf8JsonReader reader, JsonTokenType token)
    {
        if (reader.TokenType != token)
        {
            throw new FormatException();
        }
    }

    private static string Text(ref Utf8JsonReader reader)
    {
        reader.Read();
        return Current(reader);
    }

    private static string Current(in Utf8JsonReader reader)
    {
        Expect(reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    private static long Number(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw new FormatException();
    }

    private static DateTimeOffset Date(ref Utf8JsonReader reader) =>
        StoreFormat.TryParseDate(Text(ref reader), out var date) ? date : throw new FormatException();

    public static byte[] Serialize(TrustRecord record)
    {
        using var buffer = new MemoryStream();
        // Not indented: indenting the key id arrays made every build JIT-compile the framework's
        // span fill, about 0.3 ms (RESULTS.md, "Cold-start cuts for the issue 16 bound"); jq shows it indented.
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Marker);
            writer.WriteNumber("formatVersion", Version);
            writer.WriteStartArray("stores");
            foreach (var store in record.Stores)
            {
                writer.WriteStartObject();
                writer.WriteString("storeId", store.StoreId);
                writer.WriteString("environment", store.Environment);
                writer.WriteNumber("generation", store.Generation);
                writer.WriteString("generationSeenAt", StoreFormat.FormatDate(store.GenerationSeenAt));
                writer.WriteStartArray("keyIds");
                foreach (var keyId in store.KeyIds)
                {
                    writer.WriteStringValue(keyId);
                }

                writer.WriteEndArray();
                writer.WriteNumber("auditSequence", store.AuditHead?.Sequence ?? 0);
                writer.WriteString("auditMac", store.AuditHead?.Mac ?? string.Empty);
                writer.WriteString("lastSeen", StoreFormat.FormatDate(store.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("workspaces");
            foreach (var workspace in record.Workspaces)
            {
                writer.WriteStartObject();
                writer.WriteString("path", workspace.Path);
                writer.WriteString("environment", workspace.Environment);
                writer.WriteString("storeId", workspace.StoreId);
                writer.WriteString("lastSeen", StoreFormat.FormatDate(workspace.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
