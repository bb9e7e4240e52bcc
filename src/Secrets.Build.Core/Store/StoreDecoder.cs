namespace Secrets.Build.Core.Store;

/// <summary>Turns the base64 fields of a parsed file into bytes, naming the field that is bad.</summary>
internal static class StoreDecoder
{
    // exactLength: the required length, or -1 when any length is allowed.
    public static byte[] Bytes(string path, string? base64, string field, int exactLength = -1, int minimumLength = 0) =>
        TryBytes(base64, exactLength, minimumLength, out var bytes)
            ? bytes
            : throw Problem(path, base64, field);

    /// <summary>
    /// The same for <c>secrets.&lt;name&gt;&lt;member&gt;</c>, whose field name is spelled out only
    /// for an error: a large store has tens of thousands of such fields, nearly always valid.
    /// </summary>
    public static byte[] SecretBytes(string path, string? base64, string name, string member, int exactLength = -1, int minimumLength = 0) =>
        TryBytes(base64, exactLength, minimumLength, out var bytes)
            ? bytes
            : throw Problem(path, base64, $"secrets.{name}{member}");

    private static bool TryBytes(string? base64, int exactLength, int minimumLength, out byte[] bytes)
    {
        bytes = [];
        if (base64 is null)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return false;
        }

        return (exactLength < 0 || bytes.Length == exactLength) && bytes.Length >= minimumLength;
    }

    private static Diagnostics.SecretsException Problem(string path, string? base64, string field) =>
        base64 is null ? StoreErrors.BadStructure(path, $"{field} is missing.") : StoreErrors.BadEncoding(path, field);
}
