using System.Security.Cryptography;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Key-list entries made by a key management service (kind <c>aws-kms</c> for AWS KMS): the data key
/// as the service's ciphertext, bound by the service to the encryption context of this store:
/// <code>{"kind":"aws-kms","keyId":"arn:aws:kms:…","wrappedKey":"&lt;base64 KMS ciphertext&gt;","encryptionContext":{"secrets-build:store":"&lt;store id&gt;","secrets-build:env":"&lt;env&gt;"}}</code>
/// The context written in the entry is for people and other tools (<c>aws kms decrypt</c>); the
/// unwrap always sends the context of the store it is opening, so KMS itself refuses an entry
/// copied from another store or environment.
/// </summary>
internal static class KmsKeyWrapping
{
    private const string ContextField = "encryptionContext";

    public static bool IsKmsEntry(KeyWrapDocument entry) => KmsProviders.IsKnownKind(entry.Kind);

    public static KeyWrapDocument Wrap(ReadOnlySpan<byte> dataKey, KmsKey key, string storeId, string environment)
    {
        var context = KmsEncryptionContext.For(storeId, environment);
        var plaintext = dataKey.ToArray();
        try
        {
            return new KeyWrapDocument
            {
                Kind = key.Provider.EntryKind,
                KeyId = key.Provider.KeyId,
                WrappedKey = Convert.ToBase64String(key.Provider.Wrap(plaintext, context)),
                Other = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                {
                    // The context KMS bound the wrapped key to, in its fixed order (store, then
                    // environment): the MAC covers the text.
                    [ContextField] = JsonSerializer.SerializeToElement(context),
                },
            };
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The data key, through the entry of <paramref name="key"/>.</summary>
    /// <exception cref="SecretsException">SECB240 when the store has no entry for the key; SECB241 when the entry is malformed; SECB730-SECB736 when the service refuses.</exception>
    public static byte[] Unwrap(StoreDocument store, KmsKey key, string path)
    {
        for (var index = 0; index < store.Keys.Count; index++)
        {
            var entry = store.Keys[index];
            if (entry.Kind != key.Provider.EntryKind || entry.KeyId != key.Provider.KeyId)
            {
                continue;
            }

            var wrapped = StoreDecoder.Bytes(path, entry.WrappedKey, $"keys[{index}].wrappedKey", minimumLength: 1);
            var dataKey = key.Provider.Unwrap(wrapped, KmsEncryptionContext.For(store.StoreId, store.Environment));
            if (dataKey.Length != StoreFormat.DataKeyBytes)
            {
                CryptographicOperations.ZeroMemory(dataKey);
                throw StoreErrors.ValueTampered(path, $"the wrapped data key in keys[{index}] (it does not hold a {StoreFormat.DataKeyBytes}-byte key)");
            }

            return dataKey;
        }

        throw StoreErrors.At(DiagnosticCodes.WrongKey, path,
            $"The {key.Source} is not one of the keys of '{path}'; the store needs: {string.Join(", ", store.Keys.Select(k => $"{k.Kind} {k.KeyId}"))}.",
            "Use one of the keys listed, or add this KMS key from a machine that can open the store (dotnet msbuild -t:AddSecretsKmsKey -p:SecretsKmsKey=<arn>).");
    }
}
