using System.Security.Cryptography;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// Whether this machine's key file for a store is among the store's key entries. Anyone can make
/// a store for a public age recipient and give it a known store id; only the real store carries
/// an entry for the key file that was made with it.
/// </summary>
internal static class KeyFileEntry
{
    /// <summary>The key file's key id when the file exists, holds a key, and the store has no entry for it; otherwise null.</summary>
    public static string? MatchesNone(string? keyFilePath, SecretStore store)
    {
        if (keyFilePath is null || !File.Exists(keyFilePath))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(keyFilePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An unreadable key file is reported where keys are looked for; it proves nothing here.
            return null;
        }

        if (!KeyText.TryParse(text.Trim(), out var key))
        {
            return null;
        }

        var id = KeyId.For(key);
        CryptographicOperations.ZeroMemory(key);
        return store.KeyIds.Contains($"{StoreFormat.KindKey} {id}", StringComparer.Ordinal) ? null : id;
    }
}
