using System.Runtime.CompilerServices;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// The providers this version knows, by the entry kind they write. The one place a provider is
/// created: a method that creates one is compiled only when it runs, so the SDK behind a provider
/// is loaded only when a store or a configuration names one of its keys.
/// </summary>
internal static class KmsProviders
{
    /// <summary>True when this version can open key entries of <paramref name="kind"/> through a service.</summary>
    public static bool IsKnownKind(string kind) => string.Equals(kind, AwsKmsKeyWrapProvider.Kind, StringComparison.Ordinal);

    /// <summary>The key for an entry of <paramref name="kind"/> wrapped under <paramref name="keyId"/>.</summary>
    /// <exception cref="ArgumentException">The kind is not one of <see cref="IsKnownKind"/>.</exception>
    public static KmsKey Create(string kind, string keyId, TimeSpan timeout) =>
        IsKnownKind(kind)
            ? new KmsKey(CreateAws(keyId, timeout))
            : throw new ArgumentException($"No key management service provider writes entries of kind '{kind}'.", nameof(kind));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IKeyWrapProvider CreateAws(string keyId, TimeSpan timeout) => new AwsKmsKeyWrapProvider(keyId, timeout);
}
