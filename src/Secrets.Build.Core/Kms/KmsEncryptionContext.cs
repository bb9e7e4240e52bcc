using System.Collections.Generic;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// The encryption context a store's data key is wrapped with. KMS binds the ciphertext to it, so a
/// wrapped key copied from another store or environment is refused by KMS itself.
/// </summary>
internal static class KmsEncryptionContext
{
    /// <summary>The context key that holds the store's id.</summary>
    public const string StoreKey = "secrets-build:store";
    /// <summary>The context key that holds the environment's name.</summary>
    public const string EnvironmentKey = "secrets-build:env";

    /// <summary>The context for one store of one environment.</summary>
    public static IReadOnlyDictionary<string, string> For(string storeId, string environment) =>
        new Dictionary<string, string>(System.StringComparer.Ordinal)
        {
            [StoreKey] = storeId,
            [EnvironmentKey] = environment,
        };
}
