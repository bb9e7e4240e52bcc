using NSec.Cryptography;

namespace Secrets.Build.Core.Tests.Crypto;

/// <summary>
/// A fact that compares libsodium's AES-256-GCM with another implementation. libsodium offers
/// AES-GCM only on CPUs with hardware AES, so elsewhere the test is reported as skipped
/// (visibly, never as a silent pass).
/// </summary>
public sealed class HardwareAesFactAttribute : FactAttribute
{
    public HardwareAesFactAttribute()
    {
        if (!Aes256Gcm.IsSupported)
        {
            Skip = "libsodium has no AES-256-GCM without hardware AES on this CPU.";
        }
    }
}
