namespace Secrets.Build.Core.Store;

internal sealed partial class SecretStore
{
    /// <summary>
    /// Reads the metadata file alone, without any key: versions, rotation dates and sources are
    /// plaintext by design, so due dates can be checked without decrypting. The facts are not
    /// verified (only an opened store checks its MAC): use them for reminders, never for decisions
    /// that change values.
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">When the file is missing, too large or not a metadata file of this environment.</exception>
    public static IReadOnlyDictionary<string, SecretMetadata> ReadMetadata(StorePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (!File.Exists(paths.MetadataPath))
        {
            throw StoreErrors.MetadataNotFound(paths.MetadataPath, paths.StorePath);
        }

        var bytes = StoreFileReader.ReadBytes(paths.MetadataPath);
        var document = StoreFileReader.Parse<MetadataDocument>(paths.MetadataPath, bytes, StoreFormat.MetadataMarker);
        if (!string.Equals(document.Environment, paths.Environment, StringComparison.Ordinal))
        {
            throw StoreErrors.Mismatch(paths.MetadataPath, $"belongs to environment \"{document.Environment}\", not \"{paths.Environment}\".");
        }

        // A sorted dictionary keeps this public result enumerating in name order, as it always has;
        // this command is not on the build's path, where its JIT-compiled code would matter.
        var sorted = new SortedDictionary<string, SecretMetadata>(StringComparer.Ordinal);
        foreach (var (name, entry) in MetadataCodec.Decode(paths.MetadataPath, document))
        {
            sorted[name] = entry;
        }

        return sorted;
    }
}
