using System.Collections.Generic;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// Wraps and unwraps a store's data key with a key that never leaves a key management service.
/// AWS KMS is the first implementation (<see cref="AwsKmsKeyWrapProvider"/>); Azure Key Vault,
/// Google Cloud KMS or Vault Transit would be others of the same shape. The interface holds no
/// provider's types, so code that uses it loads no provider's SDK until a provider is created.
/// </summary>
internal interface IKeyWrapProvider
{
    /// <summary>
    /// The <c>kind</c> of the store's key entries this provider makes and opens (<c>aws-kms</c>).
    /// Each provider has its own, so a reader that does not know it skips the entry.
    /// </summary>
    string EntryKind { get; }

    /// <summary>The key the data key is wrapped under, as the store entry records it (for AWS, the key ARN).</summary>
    string KeyId { get; }

    /// <summary>
    /// Encrypts <paramref name="dataKey"/> under <see cref="KeyId"/>, bound to
    /// <paramref name="encryptionContext"/>: unwrapping needs the same context.
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">The service refused or could not be reached; the code says why.</exception>
    byte[] Wrap(byte[] dataKey, IReadOnlyDictionary<string, string> encryptionContext);

    /// <summary>
    /// Decrypts a wrapped data key. The caller owns the returned key and clears it when done.
    /// </summary>
    /// <exception cref="Diagnostics.SecretsException">The service refused (wrong context, disabled key, access denied) or could not be reached.</exception>
    byte[] Unwrap(byte[] wrappedKey, IReadOnlyDictionary<string, string> encryptionContext);
}
