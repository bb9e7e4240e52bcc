using System.Text;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// The text header of an age v1 file (C2SP age spec): the version line, the recipient stanzas,
/// and <c>--- &lt;MAC&gt;</c>. Parsing is as strict as the reference implementation: LF line ends
/// only, printable ASCII, canonical unpadded base64, body lines of exactly 64 columns except a
/// shorter final one, so one header has exactly one spelling.
/// </summary>
internal sealed class AgeHeader
{
    public const string VersionLine = "age-encryption.org/v1";
    private const string StanzaPrefix = "-> ";
    private const string MacPrefix = "---";
    private const int ColumnsPerLine = 64;
    private const int MacSize = 32;

    private AgeHeader(IReadOnlyList<AgeStanza> stanzas, byte[] macedBytes, byte[] mac)
    {
        Stanzas = stanzas;
        MacedBytes = macedBytes;
        Mac = mac;
    }

    public IReadOnlyList<AgeStanza> Stanzas { get; }

    /// <summary>The header from its first byte up to and including <c>---</c>: what the MAC covers.</summary>
    public byte[] MacedBytes { get; }

    public byte[] Mac { get; }

    /// <summary>The header bytes (with MAC and final newline) for <paramref name="stanzas"/> under <paramref name="fileKey"/>.</summary>
    public static byte[] Write(IEnumerable<AgeStanza> stanzas, ReadOnlySpan<byte> fileKey)
    {
        var text = new StringBuilder().Append(VersionLine).Append('\n');
        foreach (var stanza in stanzas)
        {
            text.Append(StanzaPrefix).Append(stanza.Type);
            foreach (var argument in stanza.Arguments)
            {
                text.Append(' ').Append(argument);
            }

            text.Append('\n');
            var body = AgeBase64.Encode(stanza.Body);
            // Full 64-column lines, then always a final shorter one (empty when the body fills its last line).
            for (var at = 0; ; at += ColumnsPerLine)
            {
                var line = body.Substring(at, Math.Min(ColumnsPerLine, body.Length - at));
                text.Append(line).Append('\n');
                if (line.Length < ColumnsPerLine)
                {
                    break;
                }
            }
        }

        text.Append(MacPrefix);
        var maced = Encoding.ASCII.GetBytes(text.ToString());
        var mac = ComputeMac(fileKey, maced);
        return [.. maced, .. Encoding.ASCII.GetBytes(" " + AgeBase64.Encode(mac) + "\n")];
    }

    /// <summary>HMAC-SHA256 under HKDF-SHA256(file key, info "header") over <paramref name="macedBytes"/>.</summary>
    public static byte[] ComputeMac(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> macedBytes)
    {
        var macKey = KeyDerivation.Hkdf(fileKey, ReadOnlySpan<byte>.Empty, "header", 32);
        try
        {
            return KeyDerivation.HmacSha256(macKey, macedBytes);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(macKey);
        }
    }

    /// <summary>Parses the header at the start of <paramref name="file"/>; <paramref name="payloadOffset"/> is where the payload starts.</summary>
    public static bool TryParse(ReadOnlySpan<byte> file, out AgeHeader header, out int payloadOffset, out string problem)
    {
        header = null!;
        payloadOffset = 0;
        var reader = new LineReader(file);
        if (!reader.TryRead(out var version) || version != VersionLine)
        {
            problem = "it does not start with the line \"age-encryption.org/v1\"";
            return false;
        }

        var stanzas = new List<AgeStanza>();
        while (true)
        {
            var lineStart = reader.Offset;
            if (!reader.TryRead(out var line))
            {
                problem = "the header ends before its \"---\" line";
                return false;
            }

            if (line.StartsWith(MacPrefix, StringComparison.Ordinal))
            {
                if (!line.StartsWith(MacPrefix + " ", StringComparison.Ordinal)
                    || !AgeBase64.TryDecode(line[(MacPrefix.Length + 1)..], out var mac)
                    || mac.Length != MacSize)
                {
                    problem = "the \"---\" line does not hold a 32-byte MAC in canonical base64";
                    return false;
                }

                header = new AgeHeader(stanzas, file[..(lineStart + MacPrefix.Length)].ToArray(), mac);
                payloadOffset = reader.Offset;
                problem = string.Empty;
                return true;
            }

            if (!TryReadStanza(line, ref reader, out var stanza, out problem))
            {
                return false;
            }

            stanzas.Add(stanza);
        }
    }

    private static bool TryReadStanza(string line, ref LineReader reader, out AgeStanza stanza, out string problem)
    {
        stanza = null!;
        if (!line.StartsWith(StanzaPrefix, StringComparison.Ordinal))
        {
            problem = "a header line is neither a stanza (\"-> \") nor the MAC (\"--- \")";
            return false;
        }

        var arguments = line[StanzaPrefix.Length..].Split(' ');
        if (arguments.Any(a => a.Length == 0))
        {
            problem = "a stanza has no type or an empty argument";
            return false;
        }

        var body = new StringBuilder();
        while (true)
        {
            if (!reader.TryRead(out var bodyLine))
            {
                problem = "a stanza body has no final line shorter than 64 columns";
                return false;
            }

            if (bodyLine.Length > ColumnsPerLine)
            {
                problem = "a stanza body line is longer than 64 columns";
                return false;
            }

            body.Append(bodyLine);
            if (bodyLine.Length < ColumnsPerLine)
            {
                break;
            }
        }

        if (!AgeBase64.TryDecode(body.ToString(), out var bytes))
        {
            problem = "a stanza body is not canonical unpadded base64";
            return false;
        }

        stanza = new AgeStanza(arguments[0], arguments[1..], bytes);
        problem = string.Empty;
        return true;
    }

    /// <summary>Reads LF-terminated lines of printable ASCII; anything else ends the header with an error.</summary>
    private ref struct LineReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Offset { get; private set; }

        public bool TryRead(out string line)
        {
            line = string.Empty;
            var end = _bytes[Offset..].IndexOf((byte)'\n');
            if (end < 0)
            {
                return false;
            }

            var content = _bytes.Slice(Offset, end);
            foreach (var b in content)
            {
                if (b is < 32 or > 126)
                {
                    return false;
                }
            }

            line = Encoding.ASCII.GetString(content);
            Offset += end + 1;
            return true;
        }
    }
}
