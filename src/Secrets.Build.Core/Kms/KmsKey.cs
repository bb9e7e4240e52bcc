using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// A key management service key as a key source: it holds no secret, only the provider that asks
/// the service to wrap or unwrap the data key. Disposing it releases the provider's client.
/// </summary>
internal sealed record KmsKey : KeyMaterial, IDisposable
{
    /// <summary>Creates the key for <paramref name="provider"/>.</summary>
    public KmsKey(IKeyWrapProvider provider)
        : base($"{provider?.EntryKind} key {provider?.KeyId}")
    {
        ArgumentNullException.ThrowIfNull(provider);
        Provider = provider;
    }

    /// <summary>The service that holds the key.</summary>
    public IKeyWrapProvider Provider { get; }

    /// <summary>Releases the provider.</summary>
    public void Dispose() => (Provider as IDisposable)?.Dispose();
}
