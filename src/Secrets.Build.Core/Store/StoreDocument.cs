using System.Text.Json;
using System.Text.Json.Serialization;

namespace Secrets.Build.Core.Store;

// The JSON shapes of the two committed files, exactly as written. Binary fields stay base64
// strings here: StoreDecoder turns them into bytes so a bad one is reported with its field.

/// <summary><c>secrets/.env.&lt;env&gt;.json</c>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class StoreDocument
{
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("formatVersion")] public required int FormatVersion { get; init; }
    [JsonPropertyName("storeId")] public required string StoreId { get; init; }
    [JsonPropertyName("environment")] public required string Environment { get; init; }

    /// <summary>One entry per way to reach the data key; a list so recipients can be added later.</summary>
    [JsonPropertyName("keys")] public required List<KeyWrapDocument> Keys { get; init; }

    /// <summary>Sorted by name (ordinal) when written, so diffs stay small and stable.</summary>
    [JsonPropertyName("secrets")] public required SortedDictionary<string, SecretDocument> Secrets { get; init; }

    /// <summary>Keys replaced by a key rotation; absent until the first one (see SecretStore.KeyRotation.cs).</summary>
    [JsonPropertyName("retiredKeys"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<RetiredKeyDocument>? RetiredKeys { get; init; }

    [JsonPropertyName("mac")] public required string Mac { get; init; }
}

/// <summary>The data key wrapped (AES-256-GCM) by one key-encryption key.</summary>
internal sealed class KeyWrapDocument
{
    /// <summary><c>key</c> (a raw 256-bit key) or <c>passphrase</c> (Argon2id); other kinds may come later.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("keyId")] public required string KeyId { get; init; }
    [JsonPropertyName("salt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Salt { get; init; }
    [JsonPropertyName("argon2id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Argon2Document? Argon2id { get; init; }
    // Optional in the shape because a future kind (a public-key recipient) may wrap differently;
    // the kinds this version opens check that they are present.
    [JsonPropertyName("nonce"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Nonce { get; init; }
    [JsonPropertyName("wrappedKey"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? WrappedKey { get; init; }

    /// <summary>
    /// Fields of kinds this version does not know, kept as they are so that saving from an
    /// older Secrets.Build does not strip a newer one's recipients. Settable rather than
    /// init-only: the compile-time serializer cannot fill extension data through an initializer.
    /// </summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Other { get; set; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class Argon2Document
{
    [JsonPropertyName("memoryKiB")] public required int MemoryKiB { get; init; }
    [JsonPropertyName("iterations")] public required int Iterations { get; init; }
    [JsonPropertyName("parallelism")] public required int Parallelism { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class SecretDocument
{
    [JsonPropertyName("version")] public required int Version { get; init; }
    [JsonPropertyName("nonce")] public required string Nonce { get; init; }
    [JsonPropertyName("ciphertext")] public required string Ciphertext { get; init; }

    /// <summary>Earlier versions, oldest first, kept for rollback after a rotation.</summary>
    [JsonPropertyName("retired"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<RetiredDocument>? Retired { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RetiredDocument
{
    [JsonPropertyName("version")] public required int Version { get; init; }
    [JsonPropertyName("retiredAt")] public required string RetiredAt { get; init; }
    [JsonPropertyName("nonce")] public required string Nonce { get; init; }
    [JsonPropertyName("ciphertext")] public required string Ciphertext { get; init; }
}

/// <summary><c>secrets/.env.&lt;env&gt;.metadata</c>. Every field is covered by the store's MAC.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class MetadataDocument
{
    [JsonPropertyName("format")] public required string Format { get; init; }
    [JsonPropertyName("formatVersion")] public required int FormatVersion { get; init; }
    [JsonPropertyName("storeId")] public required string StoreId { get; init; }
    [JsonPropertyName("environment")] public required string Environment { get; init; }
    [JsonPropertyName("secrets")] public required SortedDictionary<string, MetadataEntryDocument> Secrets { get; init; }
}

[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class MetadataEntryDocument
{
    [JsonPropertyName("version")] public required int Version { get; init; }
    [JsonPropertyName("createdAt")] public required string CreatedAt { get; init; }
    [JsonPropertyName("rotatedAt")] public required string RotatedAt { get; init; }
    [JsonPropertyName("nextRotation")] public required string? NextRotation { get; init; }
    [JsonPropertyName("source")] public required string Source { get; init; }
    [JsonPropertyName("fingerprint")] public required string Fingerprint { get; init; }
}
