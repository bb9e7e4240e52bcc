using System.Text.Json;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// Reads <c>secrets/.env.&lt;env&gt;.metadata</c> into a <see cref="MetadataDocument"/> in one pass
/// over <see cref="Utf8JsonReader"/>, by hand for the reasons given on <see cref="StoreDocumentReader"/>,
/// with the same rules: every member known and required, each once, JSON types exact
/// (<c>nextRotation</c> may be null but not absent).
/// </summary>
internal static class MetadataDocumentReader
{
    private static readonly string[] RootNames = ["format", "formatVersion", "storeId", "environment", "secrets"];
    private static readonly string[] EntryNames = ["version", "createdAt", "rotatedAt", "nextRotation", "source", "fingerprint"];

    /// <summary>Reads the top-level object; <paramref name="reader"/> is at its start.</summary>
    public static MetadataDocument Read(JsonShape shape, ref Utf8JsonReader reader)
    {
        string? format = null, storeId = null, environment = null;
        var version = 0;
        OrdinalMap<MetadataEntryDocument>? secrets = null;
        var seen = 0;
        while (JsonShape.NextMember(ref reader))
        {
            if (reader.ValueTextEquals("format"u8)) { shape.Seen(ref seen, 1 << 0, reader); format = shape.String(ref reader); }
            else if (reader.ValueTextEquals("formatVersion"u8)) { shape.Seen(ref seen, 1 << 1, reader); version = shape.Int(ref reader); }
            else if (reader.ValueTextEquals("storeId"u8)) { shape.Seen(ref seen, 1 << 2, reader); storeId = shape.String(ref reader); }
            else if (reader.ValueTextEquals("environment"u8)) { shape.Seen(ref seen, 1 << 3, reader); environment = shape.String(ref reader); }
            else if (reader.ValueTextEquals("secrets"u8)) { shape.Seen(ref seen, 1 << 4, reader); secrets = shape.NamedObjects<MetadataEntryDocument>(ref reader, Entry); }
            else { throw shape.Unknown(reader); }
        }

        shape.RequireAll(seen, 0b1_1111, reader, RootNames);
        return new MetadataDocument { Format = format!, FormatVersion = version, StoreId = storeId!, Environment = environment!, Secrets = secrets! };
    }

    private static MetadataEntryDocument Entry(JsonShape shape, ref Utf8JsonReader reader)
    {
        shape.StartObject(ref reader);
        string? createdAt = null, rotatedAt = null, nextRotation = null, source = null, fingerprint = null;
        int version = 0, seen = 0;
        while (JsonShape.NextMember(ref reader))
        {
            if (reader.ValueTextEquals("version"u8)) { shape.Seen(ref seen, 1 << 0, reader); version = shape.Int(ref reader); }
            else if (reader.ValueTextEquals("createdAt"u8)) { shape.Seen(ref seen, 1 << 1, reader); createdAt = shape.String(ref reader); }
            else if (reader.ValueTextEquals("rotatedAt"u8)) { shape.Seen(ref seen, 1 << 2, reader); rotatedAt = shape.String(ref reader); }
            else if (reader.ValueTextEquals("nextRotation"u8)) { shape.Seen(ref seen, 1 << 3, reader); nextRotation = shape.NullableString(ref reader); }
            else if (reader.ValueTextEquals("source"u8)) { shape.Seen(ref seen, 1 << 4, reader); source = shape.String(ref reader); }
            else if (reader.ValueTextEquals("fingerprint"u8)) { shape.Seen(ref seen, 1 << 5, reader); fingerprint = shape.String(ref reader); }
            else { throw shape.Unknown(reader); }
        }

        shape.RequireAll(seen, 0b11_1111, reader, EntryNames);
        return new MetadataEntryDocument
        {
            Version = version,
            CreatedAt = createdAt!,
            RotatedAt = rotatedAt!,
            NextRotation = nextRotation,
            Source = source!,
            Fingerprint = fingerprint!,
        };
    }
}
