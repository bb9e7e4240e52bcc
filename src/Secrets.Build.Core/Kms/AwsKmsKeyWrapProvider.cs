using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// Wraps the data key with an AWS KMS key. Credentials, region and endpoint come only from the AWS
/// SDK's standard resolution (AWS_* variables, shared profiles, web identity, container and instance
/// metadata, <c>AWS_ENDPOINT_URL_KMS</c> / <c>AWS_ENDPOINT_URL</c>); nothing here takes or logs one.
/// </summary>
/// <remarks>
/// This class (with its partial file of error translations) is the only code that names an AWS
/// type. The runtime loads an assembly when it first compiles a method that uses one of its types,
/// so as long as nothing else references the SDK, a build that never creates this provider never
/// loads an AWS assembly. Keep it that way: callers hold an <see cref="IKeyWrapProvider"/>.
/// </remarks>
internal sealed partial class AwsKmsKeyWrapProvider : IKeyWrapProvider, IDisposable
{
    // Standard retry mode retries throttling, 5xx answers and connection failures with backoff;
    // two retries keep the worst case well inside the total timeout.
    private const int MaxRetries = 2;

    private readonly TimeSpan timeout;
    private AmazonKeyManagementServiceClient? client;

    /// <param name="keyArn">The KMS key's ARN (or any key id KMS accepts).</param>
    /// <param name="timeout">Total time for one operation, retries included; 1 to 15 s, default 15 s.</param>
    public AwsKmsKeyWrapProvider(string keyArn, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyArn);
        KeyId = keyArn;
        this.timeout = KmsTimeout.Validate(timeout ?? KmsTimeout.Default);
    }

    /// <summary>The entry kind of a data key wrapped by AWS KMS.</summary>
    public const string Kind = "aws-kms";

    /// <inheritdoc />
    public string KeyId { get; }

    /// <inheritdoc />
    public string EntryKind => Kind;

    /// <inheritdoc />
    /// <remarks>
    /// Checks the key's state first: KMS refuses a disabled key on Encrypt too, but the state in
    /// DescribeKey lets the error say which state it is. Wrapping therefore needs kms:DescribeKey and
    /// kms:Encrypt; unwrapping needs only kms:Decrypt.
    /// </remarks>
    public byte[] Wrap(byte[] dataKey, IReadOnlyDictionary<string, string> encryptionContext)
    {
        ArgumentNullException.ThrowIfNull(dataKey);
        ArgumentNullException.ThrowIfNull(encryptionContext);
        return Run(KmsOperation.Wrap, async (kms, cancel) =>
        {
            var described = await kms.DescribeKeyAsync(new DescribeKeyRequest { KeyId = KeyId }, cancel).ConfigureAwait(false);
            EnsureUsable(described.KeyMetadata);
            using var plaintext = new MemoryStream(dataKey, writable: false);
            var response = await kms.EncryptAsync(
                new EncryptRequest { KeyId = KeyId, Plaintext = plaintext, EncryptionContext = Copy(encryptionContext) },
                cancel).ConfigureAwait(false);
            return response.CiphertextBlob.ToArray();
        });
    }

    /// <inheritdoc />
    public byte[] Unwrap(byte[] wrappedKey, IReadOnlyDictionary<string, string> encryptionContext)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        ArgumentNullException.ThrowIfNull(encryptionContext);
        return Run(KmsOperation.Unwrap, async (kms, cancel) =>
        {
            // Naming the key makes KMS refuse a ciphertext made under any other key.
            var response = await kms.DecryptAsync(
                new DecryptRequest { KeyId = KeyId, CiphertextBlob = new MemoryStream(wrappedKey, writable: false), EncryptionContext = Copy(encryptionContext) },
                cancel).ConfigureAwait(false);
            using var plaintext = response.Plaintext;
            var dataKey = plaintext.ToArray();
            // Clear the SDK's copy too, where its buffer is reachable.
            if (plaintext.TryGetBuffer(out var buffer))
            {
                CryptographicOperations.ZeroMemory(buffer.AsSpan());
            }

            return dataKey;
        });
    }

    /// <summary>Releases the KMS client, if one was created.</summary>
    public void Dispose() => client?.Dispose();

    /// <summary>
    /// Runs one operation under the total timeout. The SDK's calls are asynchronous and Core is
    /// synchronous; running them on the thread pool keeps a caller's synchronization context (an
    /// IDE host, say) from deadlocking the wait.
    /// </summary>
    private T Run<T>(KmsOperation operation, Func<IAmazonKeyManagementService, CancellationToken, Task<T>> call)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return Task.Run(() => call(Client(), deadline.Token), deadline.Token).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not SecretsException)
        {
            throw new SecretsException(Translate(e, operation, deadline.IsCancellationRequested));
        }
    }

    /// <summary>
    /// The client for this key. A key lives in one region, named in its ARN, so the ARN decides the
    /// region: a store wrapped by keys of two regions opens with either, whatever AWS_REGION says.
    /// A key given by id or alias name (no ARN) uses the SDK's region resolution.
    /// </summary>
    private AmazonKeyManagementServiceClient Client()
    {
        if (client is null)
        {
            var config = new AmazonKeyManagementServiceConfig
            {
                RetryMode = RequestRetryMode.Standard,
                MaxErrorRetry = MaxRetries,
                Timeout = timeout,
            };
            if (AwsKmsArn.TryParse(KeyId, out var region))
            {
                // Both: the endpoint, and the signing region when AWS_ENDPOINT_URL_KMS names the endpoint
                // (the SDK would otherwise sign for a region guessed from that URL).
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
                config.AuthenticationRegion = region;
            }

            client = new AmazonKeyManagementServiceClient(config);
        }

        return client;
    }

    private void EnsureUsable(KeyMetadata metadata)
    {
        if (metadata.KeyState is { } state && state != KeyState.Enabled)
        {
            throw new SecretsException(KeyUnusable($"its state is {state.Value}"));
        }

        // KMS defaults KeyUsage to ENCRYPT_DECRYPT; a signing or MAC key cannot wrap.
        if (metadata.KeyUsage is { } usage && usage != KeyUsageType.ENCRYPT_DECRYPT)
        {
            throw new SecretsException(KeyUnusable($"it is a {usage.Value} key, not an ENCRYPT_DECRYPT key"));
        }
    }

    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string> context) =>
        new(context, StringComparer.Ordinal);
}
