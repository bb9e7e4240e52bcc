namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// Reads an identity file as <c>age-keygen</c> writes it: <c># comment</c> lines, blank lines, and one
/// <c>AGE-SECRET-KEY-1…</c> per line. The same text works in <c>SECRETS_BUILD_IDENTITY_&lt;ENV&gt;</c>.
/// </summary>
internal static class AgeIdentityFile
{
    /// <summary>
    /// The identities in <paramref name="text"/>, or the 1-based line that is not one (its content
    /// is never repeated: it may be a mangled private key).
    /// </summary>
    public static bool TryParse(string text, string source, out List<AgeIdentity> identities, out int badLine)
    {
        identities = [];
        badLine = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!AgeIdentity.TryParse(line, source, out var identity))
            {
                foreach (var parsed in identities)
                {
                    parsed.Dispose();
                }

                identities = [];
                badLine = i + 1;
                return false;
            }

            identities.Add(identity);
        }

        return true;
    }
}
