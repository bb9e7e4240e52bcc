using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// Reads only the last line of a trail file, seeking from the end, so an append costs the
/// same whether the trail holds ten lines or a hundred thousand.
/// </summary>
internal static class AuditTail
{
    /// <summary>The last line of <paramref name="stream"/>, or null when it is empty.</summary>
    /// <exception cref="SecretsException">The last line is cut off, too long or malformed.</exception>
    public static AuditLine? ReadLast(FileStream stream, string path)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return null;
        }

        // The last line, its newline, and the newline of the line before it.
        var window = (int)Math.Min(length, AuditTrailOptions.MaxLineBytes + 2L);
        var bytes = new byte[window];
        stream.Seek(length - window, SeekOrigin.Begin);
        stream.ReadExactly(bytes);

        // The line number is unknown without reading the whole file; diagnostics say "last line".
        if (bytes[^1] != (byte)'\n')
        {
            throw new SecretsException(AuditProblems.Truncated(path, 0));
        }

        var previousNewline = window >= 2 ? Array.LastIndexOf(bytes, (byte)'\n', window - 2, window - 1) : -1;
        if (previousNewline < 0 && window < length)
        {
            throw new SecretsException(AuditProblems.TooLong(path, 0));
        }

        var line = bytes.AsSpan(previousNewline + 1, window - previousNewline - 2);
        if (!AuditLineFormat.TryParse(line, out var parsed, out var problem))
        {
            throw new SecretsException(AuditProblems.Malformed(path, 0, problem));
        }

        return parsed;
    }
}
