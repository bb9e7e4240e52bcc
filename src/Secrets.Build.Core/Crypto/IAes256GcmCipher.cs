namespace Secrets.Build.Core.Crypto;

/// <summary>
/// One implementation of AES-256-GCM. Two exist (libsodium through NSec, and the .NET
/// class library) so that tests can prove both produce the same bytes.
/// </summary>
internal interface IAes256GcmCipher
{
    /// <summary>True when this implementation can run on the current machine.</summary>
    bool IsSupported { get; }

    /// <summary>
    /// Imports a 32-byte key for any number of values. Importing is the costly part (libsodium gives
    /// each key its own locked, guarded pages), so a store imports its data key once, not per value.
    /// </summary>
    IAes256GcmKey ImportKey(ReadOnlySpan<byte> key);
}
