namespace Secrets.Build.Core.Outputs;

/// <summary>
/// How Secrets.Build recognises the plaintext outputs it wrote: their first line starts with
/// <see cref="Prefix"/>, a comment that <c>.env</c> readers (docker compose, node's dotenv, bash),
/// YAML readers and kubectl all skip. Every version has written this header, so outputs from
/// earlier versions are recognised too. A file without it belongs to someone else
/// (e.g. a Vite <c>.env.development</c>) and is never written over.
/// </summary>
internal static class OutputMarker
{
    /// <summary>The start of the first line of every output Secrets.Build writes.</summary>
    public const string Prefix = "# Secrets.Build:";

    /// <summary>True when <paramref name="path"/> starts with the marker (an empty file holds nothing to lose, so it counts too).</summary>
    public static bool IsMarked(string path)
    {
        // Only the first bytes are read: the file may be large and holds plaintext values.
        Span<byte> start = stackalloc byte[Prefix.Length];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            return true;
        }

        if (read < start.Length)
        {
            return false;
        }

        for (var i = 0; i < start.Length; i++)
        {
            if (start[i] != (byte)Prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
