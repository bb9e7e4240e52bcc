using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Secrets.Build.Core.Store.Json;

/// <summary>
/// Writes the two committed files with <see cref="Utf8JsonWriter"/>, straight from the opened
/// store: base64 from the byte arrays, no document objects or intermediate strings. Written by
/// hand rather than with the serializer because every build re-writes both files in memory to
/// compare them with the files on disk, and the serializer's generic code would be JIT-compiled
/// on each of those builds. The bytes are exactly what the serializer wrote (a checked-in fixture
/// proves it): fixed member order, optional members left out when empty, names sorted
/// ordinally, two-space indentation, <c>\n</c> line ends on every OS and a final newline.
/// </summary>
internal static class StoreFileWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // base64 holds '+' and '/', which the default encoder escapes for HTML; these files
        // are never embedded in HTML, and readable diffs matter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
    private static readonly JsonEncodedText FormatVersion = JsonEncodedText.Encode("formatVersion");
    private static readonly JsonEncodedText StoreId = JsonEncodedText.Encode("storeId");
    private static readonly JsonEncodedText Environment = JsonEncodedText.Encode("environment");
    private static readonly JsonEncodedText Generation = JsonEncodedText.Encode("generation");
    private static readonly JsonEncodedText Keys = JsonEncodedText.Encode("keys");
    private static readonly JsonEncodedText Secrets = JsonEncodedText.Encode("secrets");
    private static readonly JsonEncodedText RetiredKeys = JsonEncodedText.Encode("retiredKeys");
    private static readonly JsonEncodedText Mac = JsonEncodedText.Encode("mac");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText KeyId = JsonEncodedText.Encode("keyId");
    private static readonly JsonEncodedText Salt = JsonEncodedText.Encode("salt");
    private static readonly JsonEncodedText Argon2id = JsonEncodedText.Encode("argon2id");
    private static readonly JsonEncodedText MemoryKiB = JsonEncodedText.Encode("memoryKiB");
    private static readonly JsonEncodedText Iterations = JsonEncodedText.Encode("iterations");
    private static readonly JsonEncodedText Parallelism = JsonEncodedText.Encode("parallelism");
    private static readonly JsonEncodedText Nonce = JsonEncodedText.Encode("nonce");
    private static readonly JsonEncodedText WrappedKey = JsonEncodedText.Encode("wrappedKey");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Ciphertext = JsonEncodedText.Encode("ciphertext");
    private static readonly JsonEncodedText Retired = JsonEncodedText.Encode("retired");
    private static readonly JsonEncodedText RetiredAt = JsonEncodedText.Encode("retiredAt");
    private static readonly JsonEncodedText AuditChainKey = JsonEncodedText.Encode("auditChainKey");
    private static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("createdAt");
    private static readonly JsonEncodedText RotatedAt = JsonEncodedText.Encode("rotatedAt");
    private static readonly JsonEncodedText NextRotation = JsonEncodedText.Encode("nextRotation");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Fingerprint = JsonEncodedText.Encode("fingerprint");

    /// <summary><c>secrets/.env.&lt;env&gt;.json</c>.</summary>
    public static byte[] Store(
        string storeId,
        string environment,
        int generation,
        List<KeyWrapDocument> keys,
        OrdinalMap<StoredSecret> secrets,
        List<RetiredKeyDocument>? retiredKeys,
        byte[] mac)
    {
        var buffer = new ArrayBufferWriter<byte>(StoreSizeEstimate(keys.Count, secrets, retiredKeys?.Count ?? 0));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteHead(writer, StoreFormat.StoreMarker, storeId, environment);
            if (generation > 0)
            {
                writer.WriteNumber(Generation, generation);
            }

            writer.WriteStartArray(Keys);
            foreach (var key in keys)
            {
                WriteKey(writer, key);
            }

            writer.WriteEndArray();
            writer.WriteStartObject(Secrets);
            foreach (var (name, secret) in secrets)
            {
                WriteSecret(writer, name, secret);
            }

            writer.WriteEndObject();
            if (retiredKeys is { Count: > 0 })
            {
                writer.WriteStartArray(RetiredKeys);
                foreach (var retired in retiredKeys)
                {
                    writer.WriteStartObject();
                    writer.WriteString(Kind, retired.Kind);
                    writer.WriteString(KeyId, retired.KeyId);
                    writer.WriteString(RetiredAt, retired.RetiredAt);
                    writer.WriteString(Nonce, retired.Nonce);
                    writer.WriteString(AuditChainKey, retired.AuditChainKey);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteBase64String(Mac, mac);
            writer.WriteEndObject();
        }

        return WithFinalNewline(buffer);
    }

    /// <summary><c>secrets/.env.&lt;env&gt;.metadata</c>, from each secret's <see cref="StoredSecret.Metadata"/>.</summary>
    public static byte[] Metadata(string storeId, string environment, OrdinalMap<StoredSecret> secrets)
    {
        var buffer = new ArrayBufferWriter<byte>(MetadataSizeEstimate(secrets));
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteHead(writer, StoreFormat.MetadataMarker, storeId, environment);
            writer.WriteStartObject(Secrets);
            foreach (var (name, secret) in secrets)
            {
                var entry = secret.Metadata;
                writer.WriteStartObject(name);
                writer.WriteNumber(Version, entry.Version);
                writer.WriteString(CreatedAt, StoreFormat.FormatDate(entry.CreatedAt));
                writer.WriteString(RotatedAt, StoreFormat.FormatDate(entry.RotatedAt));
                if (entry.NextRotation is { } next)
                {
                    writer.WriteString(NextRotation, StoreFormat.FormatDate(next));
                }
                else
                {
                    writer.WriteNull(NextRotation);
                }

                writer.WriteString(Source, StoreFormat.SourceName(entry.Source));
                writer.WriteString(Fingerprint, entry.Fingerprint);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return WithFinalNewline(buffer);
    }

    /// <summary>The written bytes and a final <c>\n</c>, in an array of exactly that length.</summary>
    private static byte[] WithFinalNewline(ArrayBufferWriter<byte> buffer)
    {
        // Copied rather than written through the buffer: its GetSpan is compiled afresh in every
        // build process (no precompiled image holds it), the copy is already precompiled.
        var bytes = new byte[buffer.WrittenCount + 1];
        buffer.WrittenSpan.CopyTo(bytes);
        bytes[^1] = (byte)'\n';
        return bytes;
    }

    // A large store's buffers live on the large object heap, where each regrowth is a new
    // array and pushes the GC towards a full collection; a close upper estimate makes one.
    private static int StoreSizeEstimate(int keys, OrdinalMap<StoredSecret> secrets, int retiredKeys)
    {
        long size = 1024 + (keys * 1024L) + (retiredKeys * 512L);
        foreach (var (name, secret) in secrets)
        {
            size += 128 + (name.Length * 3L) + Base64Length(secret.Nonce) + Base64Length(secret.Ciphertext);
            foreach (var retired in secret.Retired)
            {
                size += 160 + Base64Length(retired.Nonce) + Base64Length(retired.Ciphertext);
            }
        }

        return (int)Math.Min(size, Array.MaxLength);
    }

    private static int MetadataSizeEstimate(OrdinalMap<StoredSecret> secrets)
    {
        long size = 1024;
        foreach (var (name, secret) in secrets)
        {
            size += 300 + (name.Length * 3L) + secret.Metadata.Fingerprint.Length;
        }

        return (int)Math.Min(size, Array.MaxLength);
    }

    private static long Base64Length(byte[] bytes) => ((bytes.Length + 2L) / 3) * 4;

    private static void WriteHead(Utf8JsonWriter writer, string marker, string storeId, string environment)
    {
        writer.WriteString(Format, marker);
        writer.WriteNumber(FormatVersion, StoreFormat.Version);
        writer.WriteString(StoreId, storeId);
        writer.WriteString(Environment, environment);
    }

    private static void WriteKey(Utf8JsonWriter writer, KeyWrapDocument key)
    {
        writer.WriteStartObject();
        writer.WriteString(Kind, key.Kind);
        writer.WriteString(KeyId, key.KeyId);
        WriteIfPresent(writer, Salt, key.Salt);
        if (key.Argon2id is { } argon2)
        {
            writer.WriteStartObject(Argon2id);
            writer.WriteNumber(MemoryKiB, argon2.MemoryKiB);
            writer.WriteNumber(Iterations, argon2.Iterations);
            writer.WriteNumber(Parallelism, argon2.Parallelism);
            writer.WriteEndObject();
        }

        WriteIfPresent(writer, Nonce, key.Nonce);
        WriteIfPresent(writer, WrappedKey, key.WrappedKey);

        // A newer version's members, after the known ones and in the order they were read.
        if (key.Other is { } other)
        {
            foreach (var (name, value) in other)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteSecret(Utf8JsonWriter writer, string name, StoredSecret secret)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber(Version, secret.Version);
        writer.WriteBase64String(Nonce, secret.Nonce);
        writer.WriteBase64String(Ciphertext, secret.Ciphertext);
        if (secret.Retired.Count > 0)
        {
            writer.WriteStartArray(Retired);
            foreach (var retired in secret.Retired)
            {
                writer.WriteStartObject();
                writer.WriteNumber(Version, retired.Version);
                writer.WriteString(RetiredAt, StoreFormat.FormatDate(retired.RetiredAt));
                writer.WriteBase64String(Nonce, retired.Nonce);
                writer.WriteBase64String(Ciphertext, retired.Ciphertext);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
