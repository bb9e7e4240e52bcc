using System.Globalization;

namespace Secrets.Build.Core.Store;

/// <summary>The constants of the on-disk format, version 1. Changing any of them is a new version.</summary>
internal static class StoreFormat
{
    public const string StoreMarker = "secrets-build-store";
    public const string MetadataMarker = "secrets-build-metadata";
    public const int Version = 1;

    /// <summary>No real store comes near this; a bigger file is refused before it is read.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    public const int StoreIdBytes = 16;
    public const int DataKeyBytes = 32;

    public const string KindKey = "key";
    public const string KindPassphrase = "passphrase";

    // Domain separation: each use of the data key gets its own label, so no output of one
    // use can ever be mistaken for another's.
    public const string MacInfo = "secrets-build store mac";
    public const string FingerprintInfo = "secrets-build fingerprint";
    public const string ValueAadLabel = "secrets-build value v1";
    public const string WrapAadLabel = "secrets-build data key v1";
    public const string MacLabel = "secrets-build store mac v1";
    public const string SealedMacLabel = "secrets-build sealed store mac v1";

    public const string FingerprintPrefix = "hmac-sha256:";
    public const int FingerprintBytes = 16;

    /// <summary>ISO 8601 UTC with whole seconds: readable, and one spelling per instant.</summary>
    public const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary><see cref="DateFormat"/>, written digit by digit: a store holds three dates per
    /// secret, and the format-string interpreter was a visible share of every save. On the
    /// stack rather than through <c>string.Create</c>, whose instantiation over a DateTime
    /// ReadyToRun does not hold, so every build JIT-compiled it.</summary>
    public static string FormatDate(DateTimeOffset value)
    {
        var time = value.UtcDateTime;
        Span<char> chars = stackalloc char[20];
        Digits(chars[..4], time.Year);
        chars[4] = '-';
        Digits(chars.Slice(5, 2), time.Month);
        chars[7] = '-';
        Digits(chars.Slice(8, 2), time.Day);
        chars[10] = 'T';
        Digits(chars.Slice(11, 2), time.Hour);
        chars[13] = ':';
        Digits(chars.Slice(14, 2), time.Minute);
        chars[16] = ':';
        Digits(chars.Slice(17, 2), time.Second);
        chars[19] = 'Z';
        return new string(chars);
    }

    /// <summary>
    /// Parses <see cref="DateFormat"/>. The usual exact spelling is read directly; anything else
    /// (and any value the direct reading refuses) goes to the framework's exact parser, so what
    /// is accepted, and the value read, is exactly what that parser alone gives.
    /// </summary>
    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        TryParseExactSpelling(text, out value)
        || DateTimeOffset.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Drops sub-second precision so a stored time reads back exactly.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static void Digits(Span<char> destination, int number)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (char)('0' + (number % 10));
            number /= 10;
        }
    }

    // Only "yyyy-MM-ddTHH:mm:ssZ" with ASCII digits and a real calendar date and time of day.
    private static bool TryParseExactSpelling(string text, out DateTimeOffset value)
    {
        value = default;
        if (text is not { Length: 20 } || text[4] != '-' || text[7] != '-' || text[10] != 'T'
            || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(string text, int start, int length, out int number)
    {
        number = 0;
        for (var i = start; i < start + length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            number = (number * 10) + (text[i] - '0');
        }

        return true;
    }

    public static string SourceName(SecretSource source) => source switch
    {
        SecretSource.Generated => "generated",
        SecretSource.External => "external",
        SecretSource.Imported => "imported",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static bool TryParseSource(string text, out SecretSource source)
    {
        switch (text)
        {
            case "generated": source = SecretSource.Generated; return true;
            case "external": source = SecretSource.External; return true;
            case "imported": source = SecretSource.Imported; return true;
            default: source = default; return false;
        }
    }
}
