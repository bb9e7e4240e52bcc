using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Secrets.Build.Core.Crypto;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// The trail's line format. A line is one JSON object on one line, members in a fixed order,
/// with <c>mac</c> always last:
/// <code>{"seq":7,"time":"…","event":"rotated",…,"kid":"…","mac":"&lt;base64&gt;"}</code>
/// <c>mac</c> = HMAC-SHA256(chain key, previous line's mac (32 bytes; zeros before the first
/// line) || the line's bytes with <c>,"mac":"…"</c> cut out). Cutting raw bytes instead of
/// re-serializing means any change to the line, even whitespace, breaks the MAC, and any
/// language can verify a line without a canonical JSON writer.
/// </summary>
internal static class AuditLineFormat
{
    public const int MacSize = KeyDerivation.HmacSize;

    private const string MacMemberStart = ",\"mac\":\"";
    private static ReadOnlySpan<byte> MacMemberStartBytes => ",\"mac\":\""u8;
    private const int MacBase64Length = 44;

    // ,"mac":" + 44 base64 characters + "}
    private const int MacSuffixLength = 8 + MacBase64Length + 2;

    private static readonly byte[] KeyIdLabel = Encoding.UTF8.GetBytes("Secrets.Build audit chain key id v1");

    // The relaxed encoder keeps '+' and '/' of base64 and non-ASCII user names readable; it
    // still escapes quotes, backslashes and control characters, so a line stays one line.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>A public name for a chain key: it tells keys apart and reveals nothing about them.</summary>
    public static string KeyId(ReadOnlySpan<byte> chainKey)
    {
        var digest = KeyDerivation.HmacSha256(chainKey, KeyIdLabel);
        return Convert.ToBase64String(digest, 0, 9).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The signed part of a line: its JSON object without <c>mac</c>.</summary>
    public static byte[] SignedBytes(AuditEvent e, long sequence, string keyId, byte[]? previous)
    {
        // The parameterless constructor: System.Text.Json's own image holds its code, while any
        // other would be JIT-compiled on every build's first append.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("seq", sequence);
            writer.WriteString("time", e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("event", AuditEventKindNames.ToName(e.Kind));
            if (e.SecretName is not null)
            {
                writer.WriteString("secret", e.SecretName);
            }

            if (e.Version is { } version)
            {
                writer.WriteNumber("version", version);
            }

            if (e.Recipient is not null)
            {
                writer.WriteString("recipient", e.Recipient);
            }

            if (e.RecipientName is not null)
            {
                writer.WriteString("holder", e.RecipientName);
            }

            if (e.KmsKey is not null)
            {
                writer.WriteString("kmsKey", e.KmsKey);
            }

            writer.WriteString("actor", e.Actor);
            writer.WriteString("tool", e.ToolVersion);
            writer.WriteString("trigger", e.Trigger);
            if (e.Fingerprint is not null)
            {
                writer.WriteString("fingerprint", e.Fingerprint);
            }

            if (e.Code is not null)
            {
                writer.WriteString("code", e.Code);
            }

            writer.WriteString("kid", keyId);
            if (previous is not null)
            {
                writer.WriteBase64String("prev", previous);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>HMAC-SHA256(key, previous mac || signed bytes).</summary>
    public static byte[] ComputeMac(ReadOnlySpan<byte> chainKey, ReadOnlySpan<byte> previousMac, ReadOnlySpan<byte> signedBytes) =>
        KeyDerivation.HmacSha256(chainKey, MacInput(previousMac, signedBytes));

    /// <summary>
    /// The same MAC under a chain key imported once: a batch of thousands of lines (a first
    /// build's "generated" events) would otherwise import the key into libsodium per line.
    /// </summary>
    public static byte[] ComputeMac(HmacSha256Key chainKey, ReadOnlySpan<byte> previousMac, ReadOnlySpan<byte> signedBytes) =>
        chainKey.Mac(MacInput(previousMac, signedBytes));

    private static byte[] MacInput(ReadOnlySpan<byte> previousMac, ReadOnlySpan<byte> signedBytes)
    {
        var input = new byte[previousMac.Length + signedBytes.Length];
        previousMac.CopyTo(input);
        signedBytes.CopyTo(input.AsSpan(previousMac.Length));
        return input;
    }

    /// <summary>The full line: the signed object with <c>,"mac":"…"</c> spliced in before its brace, then a newline.</summary>
    public static byte[] Line(ReadOnlySpan<byte> signedBytes, ReadOnlySpan<byte> mac)
    {
        var suffix = Encoding.ASCII.GetBytes(MacMemberStart + Convert.ToBase64String(mac) + "\"}\n");
        var line = new byte[signedBytes.Length - 1 + suffix.Length];
        signedBytes[..^1].CopyTo(line);
        suffix.AsSpan().CopyTo(line.AsSpan(signedBytes.Length - 1));
        return line;
    }

    /// <summary>
    /// Parses one line (without its newline). On failure <paramref name="problem"/> says what
    /// is wrong in words fit for a diagnostic; it never quotes the line.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out AuditLine? parsed, out string problem)
    {
        parsed = null;
        if (line.IsEmpty)
        {
            problem = "the line is empty";
            return false;
        }

        if (!Utf8.IsValid(line))
        {
            problem = "the line is not valid UTF-8";
            return false;
        }

        // A forward-only read of the top-level members instead of a JsonDocument: every build
        // appends and so parses the trail's last line, and JsonDocument's row bookkeeping is
        // generic code no ReadyToRun image holds. A member given twice counts by its last
        // occurrence, as JsonElement.TryGetProperty would have it.
        var isObject = false;
        JsonTokenType seqKind = JsonTokenType.None, kidKind = JsonTokenType.None, prevKind = JsonTokenType.None;
        var sequence = 0L;
        var sequenceFits = false;
        string? keyId = null;
        byte[]? previous = null;
        var previousDecodes = false;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read())
            {
                throw new JsonException("no JSON value");
            }

            isObject = reader.TokenType == JsonTokenType.StartObject;
            if (isObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var member = reader.ValueTextEquals("seq"u8) ? 1 : reader.ValueTextEquals("kid"u8) ? 2 : reader.ValueTextEquals("prev"u8) ? 3 : 0;
                    reader.Read();
                    switch (member)
                    {
                        case 1:
                            seqKind = reader.TokenType;
                            sequenceFits = seqKind == JsonTokenType.Number && reader.TryGetInt64(out sequence);
                            break;
                        case 2:
                            kidKind = reader.TokenType;
                            keyId = kidKind == JsonTokenType.String ? reader.GetString() : null;
                            break;
                        case 3:
                            prevKind = reader.TokenType;
                            previousDecodes = prevKind == JsonTokenType.String && reader.TryGetBytesFromBase64(out previous);
                            break;
                    }

                    // Validates and steps over nested values; a no-op on a single-token value.
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }

            // The reader stops after the first value; anything after it would make the line
            // unreadable to AuditReader and to jq.
            if (HasTextAfterValue(line[(int)reader.BytesConsumed..]))
            {
                problem = "the line has text after its closing '}'";
                return false;
            }
        }
        catch (JsonException)
        {
            problem = "the line is not valid JSON";
            return false;
        }

        if (!isObject)
        {
            problem = "the line is JSON but not an object";
            return false;
        }

        if (seqKind != JsonTokenType.Number || !sequenceFits || sequence < 1)
        {
            problem = "the line has no positive whole-number \"seq\"";
            return false;
        }

        if (kidKind != JsonTokenType.String || keyId is null)
        {
            problem = "the line has no \"kid\" (chain key id)";
            return false;
        }

        if (prevKind != JsonTokenType.None && (!previousDecodes || previous is null || previous.Length != MacSize))
        {
            problem = "the line's \"prev\" is not a base64 32-byte MAC";
            return false;
        }

        if (!TrySplitMac(line, out var mac))
        {
            problem = "the line does not end with a base64 32-byte \"mac\" member";
            return false;
        }

        var signed = new byte[line.Length - MacSuffixLength + 1];
        line[..^MacSuffixLength].CopyTo(signed);
        signed[^1] = (byte)'}';
        parsed = new AuditLine(sequence, keyId, previous, mac, signed);
        problem = string.Empty;
        return true;
    }

    // A loop rather than IndexOfAnyExcept: its generic byte code is in no ReadyToRun image, and
    // the rest of a line after its closing brace is empty or a few characters.
    private static bool HasTextAfterValue(ReadOnlySpan<byte> rest)
    {
        foreach (var b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Constant-time comparison, so a verifier leaks nothing about how close a forgery came.</summary>
    public static bool MacEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);

    private static bool TrySplitMac(ReadOnlySpan<byte> line, out byte[] mac)
    {
        mac = Array.Empty<byte>();
        if (line.Length <= MacSuffixLength
            || !line.Slice(line.Length - MacSuffixLength, MacMemberStart.Length).SequenceEqual(MacMemberStartBytes)
            || line[^2] != (byte)'"' || line[^1] != (byte)'}')
        {
            return false;
        }

        var base64 = line.Slice(line.Length - 2 - MacBase64Length, MacBase64Length);
        var decoded = new byte[MacSize + 1];
        if (Convert.TryFromBase64Chars(Encoding.ASCII.GetString(base64), decoded, out var written) && written == MacSize)
        {
            mac = decoded[..MacSize];
            return true;
        }

        return false;
    }
}
