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

    /// <summary><see cref="DateFormat"/> of the instant in UTC.</summary>
    public static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Parses <see cref="DateFormat"/>; the result is in UTC.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    /// <summary>Drops sub-second precision so a stored time reads back exactly.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
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
