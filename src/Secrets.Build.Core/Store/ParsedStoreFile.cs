namespace Secrets.Build.Core.Store;

/// <summary>
/// A store file read and parsed once, with the path it came from. A build reads the header
/// first (to find the key) and then opens the store under the same workspace lock; handing the
/// parsed file on spares a second read and parse of a file that cannot have changed meanwhile.
/// </summary>
internal sealed class ParsedStoreFile(string path, StoreDocument document)
{
    /// <summary>The file that was read: the store, or its pending copy after a crashed first save.</summary>
    public string Path { get; } = path;

    public StoreDocument Document { get; } = document;

    public StoreHeader Header => new(Document.StoreId, Document.Environment, [.. Document.Keys.Select(k => $"{k.Kind} {k.KeyId}")]);

    /// <summary>The parsed document when it was read from <paramref name="path"/>; otherwise null, and the caller reads the file.</summary>
    public static StoreDocument? From(ParsedStoreFile? parsed, string path) =>
        parsed is not null && string.Equals(parsed.Path, path, StringComparison.Ordinal) ? parsed.Document : null;
}
