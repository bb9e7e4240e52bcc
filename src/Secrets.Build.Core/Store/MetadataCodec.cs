namespace Secrets.Build.Core.Store;

/// <summary>Converts the metadata file's entries to <see cref="SecretMetadata"/> (<see cref="Json.StoreFileWriter"/> writes them back).</summary>
internal static class MetadataCodec
{
    public static OrdinalMap<SecretMetadata> Decode(string path, MetadataDocument document)
    {
        var result = new OrdinalMap<SecretMetadata>(document.Secrets.Count);
        foreach (var (name, entry) in document.Secrets)
        {
            // Field names are spelled only for an error: building them for every entry of a
            // large store was most of what decoding allocated.
            var field = new FieldName(name);
            if (entry.Version < 1)
            {
                throw StoreErrors.BadStructure(path, $"{field}.version must be 1 or more.");
            }

            if (!StoreFormat.TryParseSource(entry.Source, out var source))
            {
                throw StoreErrors.BadStructure(path, $"{field}.source must be generated, external or imported.");
            }

            if (!entry.Fingerprint.StartsWith(StoreFormat.FingerprintPrefix, StringComparison.Ordinal))
            {
                throw StoreErrors.BadStructure(path, $"{field}.fingerprint must start with {StoreFormat.FingerprintPrefix}.");
            }

            result[name] = new SecretMetadata(
                entry.Version,
                Date(path, entry.CreatedAt, field, ".createdAt"),
                Date(path, entry.RotatedAt, field, ".rotatedAt"),
                entry.NextRotation is null ? null : Date(path, entry.NextRotation, field, ".nextRotation"),
                source,
                entry.Fingerprint);
        }

        return result;
    }

    private static DateTimeOffset Date(string path, string text, FieldName field, string member) =>
        StoreFormat.TryParseDate(text, out var value)
            ? value
            : throw StoreErrors.BadStructure(path, $"{field}{member} is not a UTC time like 2025-01-31T12:00:00Z.");

    /// <summary><c>secrets.&lt;name&gt;</c>, spelled out only when an error message needs it.</summary>
    private readonly record struct FieldName(string Name)
    {
        public override string ToString() => $"secrets.{Name}";
    }
}
