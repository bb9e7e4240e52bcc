using System.Globalization;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Tests.Store;

/// <summary>The store's date reading and writing follow the exact format.</summary>
public sealed class StoreFormatDateTests
{
    [Theory]
    [InlineData("2026-03-01T12:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2024-02-29T08:30:15Z")]
    [InlineData("2025-02-29T08:30:15Z")]
    [InlineData("2025-04-31T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2025-01-01T24:00:00Z")]
    [InlineData("2025-01-01T23:60:00Z")]
    [InlineData("2025-01-01T23:59:60Z")]
    [InlineData("2025-1-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00")]
    [InlineData("2025-01-01 00:00:00Z")]
    [InlineData("2025-01-01T00:00:00z")]
    [InlineData(" 2025-01-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00Z ")]
    [InlineData("２０２５-01-01T00:00:00Z")]
    [InlineData("2025-01-01T00:00:00+00:00")]
    [InlineData("")]
    public void Reading_a_date_accepts_and_returns_exactly_what_the_exact_parser_does(string text)
    {
        var expectedOk = DateTimeOffset.TryParseExact(text, StoreFormat.DateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expected);

        var ok = StoreFormat.TryParseDate(text, out var actual);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Offset, actual.Offset);
    }

    [Theory]
    [InlineData(1, 1, 1, 0, 0, 0, 0)]
    [InlineData(2026, 3, 1, 12, 0, 0, 0)]
    [InlineData(2026, 12, 31, 23, 59, 59, 999)]
    [InlineData(999, 7, 4, 1, 2, 3, 0)]
    [InlineData(9999, 12, 31, 22, 59, 59, 0)]
    public void Writing_a_date_gives_the_exact_format_in_utc(int year, int month, int day, int hour, int minute, int second, int millisecond)
    {
        foreach (var offset in new[] { TimeSpan.Zero, TimeSpan.FromHours(-5), TimeSpan.FromHours(1) })
        {
            var utc = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
            if ((offset > TimeSpan.Zero && utc.UtcDateTime > DateTime.MaxValue - offset) || (offset < TimeSpan.Zero && utc.UtcDateTime < DateTime.MinValue - offset))
            {
                continue;
            }

            var value = utc.ToOffset(offset);
            Assert.Equal(value.ToUniversalTime().ToString(StoreFormat.DateFormat, CultureInfo.InvariantCulture), StoreFormat.FormatDate(value));
        }
    }
}
