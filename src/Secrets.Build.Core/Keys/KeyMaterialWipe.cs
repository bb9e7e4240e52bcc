using System.Security.Cryptography;

namespace Secrets.Build.Core.Keys;

/// <summary>Clears the bytes a found key holds once the operation that found it is done.</summary>
internal static class KeyMaterialWipe
{
    /// <summary>
    /// Zeros a raw key and disposes age identities (which zeros theirs). A passphrase is a string,
    /// which cannot be cleared; the bytes derived from it are cleared where they are used.
    /// </summary>
    public static void Wipe(this KeyMaterial? key)
    {
        switch (key)
        {
            case RawKey raw:
                CryptographicOperations.ZeroMemory(raw.Key);
                break;
            case IdentityKey identities:
                foreach (var identity in identities.Identities)
                {
                    identity.Dispose();
                }

                break;
            case IDisposable service:
                // A key management service key holds no secret, only a client to release.
                service.Dispose();
                break;
        }
    }
}
