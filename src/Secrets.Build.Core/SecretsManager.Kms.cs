using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Core;

public sealed partial class SecretsManager
{
    /// <summary>
    /// Lets a key management service key (an AWS KMS key ARN) open the environment's store: the same
    /// data key, wrapped by KMS under the store's encryption context. Needs a key, identity or KMS key
    /// that can open the store, and kms:DescribeKey and kms:Encrypt on the key added.
    /// User mistakes come back as diagnostics in the result, never as exceptions.
    /// </summary>
    public KmsKeyResult AddKmsKey(KmsKeyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new KmsKeyCommand(options).Add(cancellationToken);
    }

    /// <summary>
    /// Takes a KMS key off the environment's store and rotates the data key, so the key opens nothing
    /// committed from now on. The result warns (SECB742) that whoever could use the key may have read
    /// the values, and lists the secrets to rotate.
    /// </summary>
    public KmsKeyResult RemoveKmsKey(KmsKeyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new KmsKeyCommand(options).Remove(cancellationToken);
    }

    /// <summary>Lists the KMS keys that can open the environment's store, and its other keys. Needs no key and calls no service.</summary>
    public KmsKeyResult ListKmsKeys(KmsKeyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new KmsKeyCommand(options).List();
    }
}
