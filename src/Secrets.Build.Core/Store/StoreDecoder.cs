namespace Secrets.Build.Core.Store;

/// <summary>Turns the base64 fields of a parsed file into bytes, naming the field that is bad.</summary>
internal static class StoreDecoder
{
    // exactLength: the required length, or -1 when any length is allowed.
    public static byte[] Bytes(string path, string? base64, string field, int exactLength = -1, int minimumLength = 0)
    {
        if (base64 is null)
        {
            throw StoreErrors.BadStructure(path, $"{field} is missing.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw StoreErrors.BadEncoding(path, field);
        }

        if ((exactLength >= 0 && bytes.Length != exactLength) || bytes.Length < minimumLength)
        {
            throw StoreErrors.BadEncoding(path, field);
        }

        return bytes;
    }
}
