using System.Globalization;
using System.Security.Cryptography;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// Whether an external value reads as the type the generated <c>AppSecrets</c> reads it as, with
/// the same rules (invariant integers, <c>true</c>/<c>false</c>, absolute URIs, base64 bytes), so
/// <c>PORT_NUMBER=abc</c> is caught by the build instead of at run time.
/// </summary>
internal static class ExternalValueCheck
{
    /// <summary>Null when <paramref name="value"/> reads as <paramref name="type"/>; else what was expected, for the message.</summary>
    public static string? Expected(SecretValueType type, string value) => type switch
    {
        SecretValueType.Int => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? null : "a whole number, e.g. 5432",
        SecretValueType.Bool => bool.TryParse(value, out _) ? null : "true or false",
        SecretValueType.Uri => Uri.TryCreate(value, UriKind.Absolute, out _) ? null : "an absolute URI, e.g. https://host:443/",
        SecretValueType.Bytes => IsBase64(value) ? null : "base64 text",
        _ => null,
    };

    private static bool IsBase64(string value)
    {
        // The decoded bytes are the secret itself: decoded into a buffer that is wiped at once.
        var buffer = new byte[value.Length];
        try
        {
            return Convert.TryFromBase64String(value, buffer, out _);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
        }
    }
}
