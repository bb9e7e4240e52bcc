using System.Text.Json;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// Reads <c>secrets/.env.&lt;env&gt;.json</c> into a <see cref="StoreDocument"/> in one pass over
/// <see cref="Utf8JsonReader"/>. Written by hand rather than with the source-generated
/// deserializer, whose generic code over our types ReadyToRun cannot hold, so every build would
/// JIT-compile it.
/// It keeps that deserializer's rules: every member known (except in a key-list entry, whose
/// unknown members are a newer version's recipient kind and are kept as they are), required
/// members present, each member once, JSON types exact.
/// </summary>
/// <remarks>
/// The caller (<see cref="StoreFileReader"/>) has checked that the bytes are UTF-8; syntax errors
/// surface as <see cref="JsonException"/> from the reader, which the caller re-diagnoses.
/// </remarks>
internal static class StoreDocumentReader
{
    private static readonly string[] RootNames = ["format", "formatVersion", "storeId", "environment", "keys", "secrets", "retiredKeys", "mac", "generation"];
    private static readonly string[] KeyNames = ["kind", "keyId", "salt", "argon2id", "nonce", "wrappedKey"];
    private static readonly string[] Argon2Names = ["memoryKiB", "iterations", "parallelism"];
    private static readonly string[] SecretNames = ["version", "nonce", "ciphertext", "retired"];
    private static readonly string[] RetiredNames = ["version", "retiredAt", "nonce", "ciphertext"];
    private static readonly string[] RetiredKeyNames = ["kind", "keyId", "retiredAt", "nonce", "auditChainKey"];

    /// <summary>Reads the top-level object; <paramref name="reader"/> is at its start.</summary>
    public static StoreDocument Read(JsonShape shape, ref Utf8JsonReader reader)
    {
        string? format = null, storeId = null, environment = null, mac = null;
        var version = 0;
        var generation = 0;
        List<KeyWrapDocument>? keys = null;
        OrdinalMap<SecretDocument>? secrets = null;
        List<RetiredKeyDocument>? retiredKeys = null;
        var seen = 0;
        while (JsonShape.NextMember(ref reader))
        {
            if (reader.ValueTextEquals("format"u8)) { shape.Seen(ref seen, 1 << 0, reader); format = shape.String(ref reader); }
            else if (reader.ValueTextEquals("formatVersion"u8)) { shape.Seen(ref seen, 1 << 1, reader); version = shape.Int(ref reader); }
            else if (reader.ValueTextEquals("storeId"u8)) { shape.Seen(ref seen, 1 << 2, reader); storeId = shape.String(ref reader); }
            else if (reader.ValueTextEquals("environment"u8)) { shape.Seen(ref seen, 1 << 3, reader); environment = shape.String(ref reader); }
            else if (reader.ValueTextEquals("keys"u8)) { shape.Seen(ref seen, 1 << 4, reader); keys = Keys(shape, ref reader); }
            else if (reader.ValueTextEquals("secrets"u8)) { shape.Seen(ref seen, 1 << 5, reader); secrets = shape.NamedObjects<SecretDocument>(ref reader, Secret); }
            else if (reader.ValueTextEquals("retiredKeys"u8)) { shape.Seen(ref seen, 1 << 6, reader); retiredKeys = RetiredKeys(shape, ref reader); }
            else if (reader.ValueTextEquals("mac"u8)) { shape.Seen(ref seen, 1 << 7, reader); mac = shape.String(ref reader); }
            else if (reader.ValueTextEquals("generation"u8)) { shape.Seen(ref seen, 1 << 8, reader); generation = Generation(shape, ref reader); }
            else { throw shape.Unknown(reader); }
        }

        shape.RequireAll(seen, 0b1011_1111, reader, RootNames);
        return new StoreDocument
        {
            Format = format!,
            FormatVersion = version,
            StoreId = storeId!,
            Environment = environment!,
            Generation = generation,
            Keys = keys!,
            Secrets = secrets!,
            RetiredKeys = retiredKeys,
            Mac = mac!,
        };
    }

    // Optional, but when present a real count: 0 is how the document says "absent".
    private static int Generation(JsonShape shape, ref Utf8JsonReader reader)
    {
        var generation = shape.Int(ref reader);
        return generation >= 1 ? generation : throw shape.WrongType(reader, "a whole number of 1 or more");
    }

    private static List<KeyWrapDocument> Keys(JsonShape shape, ref Utf8JsonReader reader)
    {
        shape.StartArray(ref reader, nullable: false);
        var keys = new List<KeyWrapDocument>();
        while (shape.NextObjectInArray(ref reader))
        {
            keys.Add(Key(shape, ref reader));
        }

        return keys;
    }

    private static KeyWrapDocument Key(JsonShape shape, ref Utf8JsonReader reader)
    {
        string? kind = null, keyId = null, salt = null, nonce = null, wrappedKey = null;
        Argon2Document? argon2 = null;
        Dictionary<string, JsonElement>? other = null;
        var seen = 0;
        while (JsonShape.NextMember(ref reader))
        {
            if (reader.ValueTextEquals("kind"u8)) { shape.Seen(ref seen, 1 << 0, reader); kind = shape.String(ref reader); }
            else if (reader.ValueTextEquals("keyId"u8)) { shape.Seen(ref seen, 1 << 1, reader); keyId = shape.String(ref reader); }
            else if (reader.ValueTextEquals("salt"u8)) { shape.Seen(ref seen, 1 << 2, reader); salt = shape.NullableString(ref reader); }
            else if (reader.ValueTextEquals("argon2id"u8)) { shape.Seen(ref seen, 1 << 3, reader); argon2 = Argon2(shape, ref reader); }
            else if (reader.ValueTextEquals("nonce"u8)) { shape.Seen(ref seen, 1 << 4, reader); nonce = shape.NullableString(ref reader); }
            else if (reader.ValueTextEquals("wrappedKey"u8)) { shape.Seen(ref seen, 1 << 5, reader); wrappedKey = shape.NullableString(ref reader); }
            else
            {
                // Kept, not refused: a newer version's kind of recipient, written back as it came.
                var name = reader.GetString()!;
                other ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                var nameToken = reader;
                reader.Read();
                if (!other.TryAdd(name, JsonElement.ParseValue(ref reader)))
                {
                    throw shape.Twice(nameToken);
                }
            }
        }

        shape.RequireAll(seen, 0b11, reader, KeyNames);
        return new KeyWrapDocument { Kind = kind!, KeyId = keyId!, Salt = salt, Argon2id = argon2, Nonce = nonce, WrappedKey = wrappedKey, Other = other };
    }

    private static Argon2Document? Argon2(JsonShape shape, ref Utf8JsonReader reader)
    {
        if (!shape.StartNullableObject(ref reader))
        {
            return null;
        }

        int memory = 0, iterations = 0, parallelism = 0, seen = 0;
        while (JsonShape.NextMember(ref reader))
        {
            if (reader.ValueTextEquals("memoryKiB"u8)) { shape.Seen(ref seen, 1 << 0, reader); memory = shape.Int(ref reader); }
            else if (reader.ValueTextEquals("iterations"u8)) { shape.Seen(ref seen, 1 << 1, reader); iterations = shape.Int(ref reader); }
            else if (reader.ValueTextEquals("parallelism"u8)) { shape.Seen(ref seen, 1 << 2, reader); parallelism = shape.Int(ref reader); }
            else { throw shape.Unknown(reader); }
        }

        shape.RequireAll(seen, 0b111, reader, Argon2Names);
        return new Argon2Document { MemoryKiB = memory, Iterations = iterations, Parallelism = parallelism };
    }

    private static SecretDocument Secret(JsonShape shape, ref Utf8JsonReader reader)
    {
        shape.StartObject(ref reader);
        string? nonce = null, ciphertext = null;
        var version = 0;
        List<RetiredDocument>? retired = null;
        var seen = 0;
        while (JsonShape.NextMember(ref reader))
        {
            if (reader.ValueTextEquals("version"u8)) { shape.Seen(ref seen, 1 << 0, reader); version = shape.Int(ref reader); }
            else if (reader.ValueTextEquals("nonce"u8)) { shape.Seen(ref seen, 1 << 1, reader); nonce = shape.String(ref reader); }
            else if (reader.ValueTextEquals("ciphertext"u8)) { shape.Seen(ref seen, 1 << 2, reader); ciphertext = shape.String(ref reader); }
            else if (reader.ValueTextEquals("retired"u8)) { shape.Seen(ref seen, 1 << 3, reader); retired = Retired(shape, ref reader); }
            else { throw shape.Unknown(reader); }
        }

        shape.RequireAll(seen, 0b111, reader, SecretNames);
        return new SecretDocument { Version = version, Nonce = nonce!, Ciphertext = ciphertext!, Retired = retired };
    }

    private static List<RetiredDocument>? Retired(JsonShape shape, ref Utf8JsonReader reader)
    {
        if (!shape.StartArray(ref reader, nullable: true))
        {
            return null;
        }

        var retired = new List<RetiredDocument>();
        while (shape.NextObjectInArray(ref reader))
        {
            string? retiredAt = null, nonce = null, ciphertext = null;
            int version = 0, seen = 0;
            while (JsonShape.NextMember(ref reader))
            {
                if (reader.ValueTextEquals("version"u8)) { shape.Seen(ref seen, 1 << 0, reader); version = shape.Int(ref reader); }
                else if (reader.ValueTextEquals("retiredAt"u8)) { shape.Seen(ref seen, 1 << 1, reader); retiredAt = shape.String(ref reader); }
                else if (reader.ValueTextEquals("nonce"u8)) { shape.Seen(ref seen, 1 << 2, reader); nonce = shape.String(ref reader); }
                else if (reader.ValueTextEquals("ciphertext"u8)) { shape.Seen(ref seen, 1 << 3, reader); ciphertext = shape.String(ref reader); }
                else { throw shape.Unknown(reader); }
            }

            shape.RequireAll(seen, 0b1111, reader, RetiredNames);
            retired.Add(new RetiredDocument { Version = version, RetiredAt = retiredAt!, Nonce = nonce!, Ciphertext = ciphertext! });
        }

        return retired;
    }

    private static List<RetiredKeyDocument>? RetiredKeys(JsonShape shape, ref Utf8JsonReader reader)
    {
        if (!shape.StartArray(ref reader, nullable: true))
        {
            return null;
        }

        var retiredKeys = new List<RetiredKeyDocument>();
        while (shape.NextObjectInArray(ref reader))
        {
            string? kind = null, keyId = null, retiredAt = null, nonce = null, auditChainKey = null;
            var seen = 0;
            while (JsonShape.NextMember(ref reader))
            {
                if (reader.ValueTextEquals("kind"u8)) { shape.Seen(ref seen, 1 << 0, reader); kind = shape.String(ref reader); }
                else if (reader.ValueTextEquals("keyId"u8)) { shape.Seen(ref seen, 1 << 1, reader); keyId = shape.String(ref reader); }
                else if (reader.ValueTextEquals("retiredAt"u8)) { shape.Seen(ref seen, 1 << 2, reader); retiredAt = shape.String(ref reader); }
                else if (reader.ValueTextEquals("nonce"u8)) { shape.Seen(ref seen, 1 << 3, reader); nonce = shape.String(ref reader); }
                else if (reader.ValueTextEquals("auditChainKey"u8)) { shape.Seen(ref seen, 1 << 4, reader); auditChainKey = shape.String(ref reader); }
                else { throw shape.Unknown(reader); }
            }

            shape.RequireAll(seen, 0b1_1111, reader, RetiredKeyNames);
            retiredKeys.Add(new RetiredKeyDocument { Kind = kind!, KeyId = keyId!, RetiredAt = retiredAt!, Nonce = nonce!, AuditChainKey = auditChainKey! });
        }

        return retiredKeys;
    }
}
