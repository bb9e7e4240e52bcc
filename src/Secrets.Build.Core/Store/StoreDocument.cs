using System.Text.Json;

namespace Secrets.Build.Core.Store;

// The JSON shapes of the two committed files as read (Json/StoreDocumentReader,
// Json/MetadataDocumentReader); each member is the property of the same name in camelCase
// ("formatVersion"). Binary fields stay base64 strings here: StoreDecoder turns them into bytes
// so a bad one is reported with its field. Json/StoreFileWriter writes the files.

/// <summary><c>secrets/.env.&lt;env&gt;.json</c>.</summary>
internal sealed class StoreDocument
{
    public required string Format { get; init; }
    public required int FormatVersion { get; init; }
    public required string StoreId { get; init; }
    public required string Environment { get; init; }

    /// <summary>
    /// Counts the saves that changed the store, starting at 1; covered by the MAC together with
    /// the key lists. 0 means the member is absent: a store written before generations existed,
    /// whose MAC covers values and metadata only. It gets a generation on its next changing save.
    /// </summary>
    public int Generation { get; init; }

    /// <summary>One entry per way to reach the data key; a list so recipients can be added later.</summary>
    public required List<KeyWrapDocument> Keys { get; init; }

    /// <summary>Sorted by name (ordinal) when written, so diffs stay small and stable.</summary>
    public required OrdinalMap<SecretDocument> Secrets { get; init; }

    /// <summary>Keys replaced by a key rotation; absent until the first one (see SecretStore.KeyRotation.cs).</summary>
    public List<RetiredKeyDocument>? RetiredKeys { get; init; }

    public required string Mac { get; init; }
}

/// <summary>The data key wrapped (AES-256-GCM) by one key-encryption key.</summary>
internal sealed class KeyWrapDocument
{
    /// <summary><c>key</c> (a raw 256-bit key) or <c>passphrase</c> (Argon2id); other kinds may come later.</summary>
    public required string Kind { get; init; }
    public required string KeyId { get; init; }
    public string? Salt { get; init; }
    public Argon2Document? Argon2id { get; init; }
    // Optional in the shape because a future kind (a public-key recipient) may wrap differently;
    // the kinds this version opens check that they are present.
    public string? Nonce { get; init; }
    public string? WrappedKey { get; init; }

    /// <summary>
    /// Fields of kinds this version does not know, kept as they are so that saving from an
    /// older Secrets.Build does not strip a newer one's recipients; written back after the
    /// known members, in the order they were read.
    /// </summary>
    public Dictionary<string, JsonElement>? Other { get; init; }
}

internal sealed class Argon2Document
{
    public required int MemoryKiB { get; init; }
    public required int Iterations { get; init; }
    public required int Parallelism { get; init; }
}

internal sealed class SecretDocument
{
    public required int Version { get; init; }
    public required string Nonce { get; init; }
    public required string Ciphertext { get; init; }

    /// <summary>Earlier versions, oldest first, kept for rollback after a rotation.</summary>
    public List<RetiredDocument>? Retired { get; init; }
}

internal sealed class RetiredDocument
{
    public required int Version { get; init; }
    public required string RetiredAt { get; init; }
    public required string Nonce { get; init; }
    public required string Ciphertext { get; init; }
}

/// <summary><c>secrets/.env.&lt;env&gt;.metadata</c>. Every field is covered by the store's MAC.</summary>
internal sealed class MetadataDocument
{
    public required string Format { get; init; }
    public required int FormatVersion { get; init; }
    public required string StoreId { get; init; }
    public required string Environment { get; init; }
    public required OrdinalMap<MetadataEntryDocument> Secrets { get; init; }
}

internal sealed class MetadataEntryDocument
{
    public required int Version { get; init; }
    public required string CreatedAt { get; init; }
    public required string RotatedAt { get; init; }
    public required string? NextRotation { get; init; }
    public required string Source { get; init; }
    public required string Fingerprint { get; init; }
}
