using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Store;

/// <summary>
/// The Argon2id settings a store is created with and the least it accepts when opened.
/// Only tests use anything but <see cref="Default"/>: a test that derives a passphrase key
/// dozens of times with 19 MiB each would be slow for no extra confidence.
/// </summary>
internal sealed record StoreSecurity(Argon2Parameters ForNewStores, bool AcceptBelowOwaspMinimum)
{
    public static StoreSecurity Default { get; } = new(Argon2Parameters.Default, AcceptBelowOwaspMinimum: false);
}
