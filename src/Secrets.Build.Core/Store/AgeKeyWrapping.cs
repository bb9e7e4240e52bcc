using System.Security.Cryptography;
using System.Text.Json;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Key-list entries of kind <c>age</c>: the store's 32-byte data key encrypted as a complete age
/// v1 file to one X25519 recipient, so <c>age -d -i identity.txt</c> recovers it too:
/// <code>{"kind":"age","keyId":"&lt;fingerprint&gt;","wrappedKey":"&lt;base64 age file&gt;","recipient":"age1…","binding":"&lt;base64&gt;"}</code>
/// An age file has no associated data, so <c>binding</c> (an HMAC under a key derived from the
/// data key over store id, environment and recipient) shows that the entry was made for this
/// store: a wrapping copied from another store is an error, not a wrong data key.
/// </summary>
internal static class AgeKeyWrapping
{
    public const string Kind = "age";
    private const string RecipientField = "recipient";
    private const string BindingField = "binding";
    private const string BindingInfo = "secrets-build recipient binding";
    private const string BindingLabel = "secrets-build recipient v1";

    public static KeyWrapDocument Wrap(ReadOnlySpan<byte> dataKey, AgeRecipient recipient, string storeId, string environment) => new()
    {
        Kind = Kind,
        KeyId = recipient.Fingerprint,
        WrappedKey = Convert.ToBase64String(AgeFile.Encrypt(dataKey, [recipient])),
        Other = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [RecipientField] = JsonSerializer.SerializeToElement(recipient.Text),
            [BindingField] = JsonSerializer.SerializeToElement(Convert.ToBase64String(Binding(dataKey, storeId, environment, recipient))),
        },
    };

    /// <summary>The recipient an <c>age</c> entry names, if it names a valid one.</summary>
    public static bool TryGetRecipient(KeyWrapDocument entry, out AgeRecipient recipient)
    {
        recipient = null!;
        return entry.Kind == Kind
            && entry.Other is { } other
            && other.TryGetValue(RecipientField, out var value)
            && value.ValueKind == JsonValueKind.String
            && AgeRecipient.TryParse(value.GetString(), out recipient);
    }

    /// <summary>
    /// The data key, through the first entry one of <paramref name="key"/>'s identities is the recipient of.
    /// </summary>
    /// <exception cref="SecretsException">SECB260 when no identity is a recipient; SECB265 when the matching entry is malformed, altered or from another store.</exception>
    public static byte[] Unwrap(StoreDocument store, IdentityKey key, string path)
    {
        for (var index = 0; index < store.Keys.Count; index++)
        {
            var entry = store.Keys[index];
            if (entry.Kind != Kind)
            {
                continue;
            }

            if (!TryGetRecipient(entry, out var recipient) || entry.KeyId != recipient.Fingerprint)
            {
                throw Tampered(path, index, "does not name a valid age recipient matching its keyId");
            }

            var identity = key.Identities.FirstOrDefault(i => i.Recipient.Equals(recipient));
            if (identity is null)
            {
                continue;
            }

            var file = StoreDecoder.Bytes(path, entry.WrappedKey, $"keys[{index}].wrappedKey", minimumLength: 1);
            var decryption = AgeFile.Decrypt(file, [identity]);
            if (decryption.Plaintext is not { Length: StoreFormat.DataKeyBytes } dataKey)
            {
                if (decryption.Plaintext is { } wrongLength)
                {
                    CryptographicOperations.ZeroMemory(wrongLength);
                }

                throw Tampered(path, index, decryption.Status == AgeDecryptionStatus.Decrypted ? "does not hold a 32-byte data key" : $"cannot be decrypted: {decryption.Problem}");
            }

            if (!HasValidBinding(entry, dataKey, store.StoreId, store.Environment, recipient))
            {
                CryptographicOperations.ZeroMemory(dataKey);
                throw Tampered(path, index, "was not made for this store: it was copied from another store or environment, or altered");
            }

            return dataKey;
        }

        throw NoIdentityOpens(path, store.Keys, key.Describe());
    }

    /// <summary>Every entry of the key list as a reader can check it: <c>age &lt;fingerprint&gt; (age1…)</c> or <c>&lt;kind&gt; &lt;keyId&gt;</c>.</summary>
    public static string DescribeAccepted(IEnumerable<KeyWrapDocument> keys)
    {
        var described = keys.Select(k => TryGetRecipient(k, out var recipient) ? $"age {k.KeyId} ({recipient})" : $"{k.Kind} {k.KeyId}").ToList();
        return described.Count == 0 ? "nothing (its key list is empty)" : string.Join(", ", described);
    }

    public static SecretsException NoIdentityOpens(string path, IEnumerable<KeyWrapDocument> keys, string tried) =>
        new(SecretsDiagnostic.Error(
            DiagnosticCodes.NoIdentityOpensStore,
            $"None of the identities or keys found can open '{path}'. Tried: {tried}. The store accepts: {DescribeAccepted(keys)}.",
            "Send your public key (age-keygen -y <identity file>) to someone who can open the store and ask them to run " +
            "'dotnet msbuild -t:AddSecretsRecipient -p:SecretsRecipient=<your age1… key>' and commit; or supply one of the keys listed. " +
            "Never delete the store to start over: its values would be lost.",
            SourceLocation.ForFile(path)));

    private static bool HasValidBinding(KeyWrapDocument entry, byte[] dataKey, string storeId, string environment, AgeRecipient recipient)
    {
        if (entry.Other is not { } other
            || !other.TryGetValue(BindingField, out var value)
            || value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        byte[] stored;
        try
        {
            stored = Convert.FromBase64String(value.GetString()!);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(stored, Binding(dataKey, storeId, environment, recipient));
    }

    private static byte[] Binding(ReadOnlySpan<byte> dataKey, string storeId, string environment, AgeRecipient recipient)
    {
        var bindingKey = KeyDerivation.Hkdf(dataKey, ReadOnlySpan<byte>.Empty, BindingInfo, 32);
        try
        {
            return KeyDerivation.HmacSha256(bindingKey, new CanonicalWriter().Add(BindingLabel).Add(storeId).Add(environment).Add(recipient.Text).ToArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bindingKey);
        }
    }

    private static SecretsException Tampered(string path, int index, string what) => new(SecretsDiagnostic.Error(
        DiagnosticCodes.RecipientEntryTampered,
        $"'{path}': the age recipient entry keys[{index}] {what}.",
        "Restore the store from version control (git checkout -- <file>). If the recipient still needs access, remove and add it again from a machine that can open the store.",
        SourceLocation.ForFile(path)));
}
