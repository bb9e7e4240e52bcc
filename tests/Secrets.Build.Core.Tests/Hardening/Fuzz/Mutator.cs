using System.Text;

namespace Secrets.Build.Core.Tests.Hardening.Fuzz;

/// <summary>
/// Turns a valid file into a hostile one, one to three edits at a time: bit flips, truncation,
/// duplicated and reordered slices and lines (fields), huge values, deep nesting, invalid UTF-8,
/// byte order marks and boundary numbers. Deterministic for a given <see cref="Random"/>.
/// </summary>
internal static class Mutator
{
    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0x80], [0xC0, 0x80], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ];

    private static readonly byte[][] Boms = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]];

    private static readonly string[] Tokens =
    [
        "\"", "\\", "{", "}", "[", "]", ":", ",", "\0", "\r", "\n", "\r\n", "null", "true", "-1", "0", "1e999",
        "9223372036854775808", "-2147483649", "\"\"", "\u2028", "\"format\":\"x\",", "$", "'", "#", "export ", "=",
    ];

    private static readonly Func<byte[], Random, byte[]>[] Edits =
    [
        FlipBits, Truncate, DuplicateSlice, SwapSlices, DuplicateLine, SwapLines, DeleteSlice,
        HugeValue, DeepNesting, InsertInvalidUtf8, AddBom, InsertToken,
    ];

    public static byte[] Mutate(byte[] input, Random random)
    {
        var output = input;
        var edits = 1 + random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            output = Edits[random.Next(Edits.Length)](output, random);
        }

        return output;
    }

    private static byte[] FlipBits(byte[] input, Random random)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var output = (byte[])input.Clone();
        for (var flips = 1 + random.Next(8); flips > 0; flips--)
        {
            output[random.Next(output.Length)] ^= (byte)(1 << random.Next(8));
        }

        return output;
    }

    private static byte[] Truncate(byte[] input, Random random) => input[..random.Next(input.Length + 1)];

    private static byte[] DeleteSlice(byte[] input, Random random)
    {
        var (start, end) = Slice(input, random);
        return [.. input[..start], .. input[end..]];
    }

    private static byte[] DuplicateSlice(byte[] input, Random random)
    {
        var (start, end) = Slice(input, random);
        var at = random.Next(input.Length + 1);
        return [.. input[..at], .. input[start..end], .. input[at..]];
    }

    private static byte[] SwapSlices(byte[] input, Random random)
    {
        var (a, b) = Slice(input, random);
        var (c, d) = Slice(input, random);
        if (c < a)
        {
            (a, b, c, d) = (c, d, a, b);
        }

        if (c < b)
        {
            return input;
        }

        return [.. input[..a], .. input[c..d], .. input[b..c], .. input[a..b], .. input[d..]];
    }

    private static byte[] DuplicateLine(byte[] input, Random random)
    {
        var lines = Lines(input);
        var line = lines[random.Next(lines.Count)];
        lines.Insert(random.Next(lines.Count + 1), line);
        return [.. lines.SelectMany(l => l)];
    }

    private static byte[] SwapLines(byte[] input, Random random)
    {
        var lines = Lines(input);
        var (i, j) = (random.Next(lines.Count), random.Next(lines.Count));
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return [.. lines.SelectMany(l => l)];
    }

    private static byte[] HugeValue(byte[] input, Random random)
    {
        var length = random.Next(4) switch
        {
            0 => 1_000,
            1 => 70_000,
            2 => 1_000_000,
            _ => random.Next(1, 200_000),
        };
        var fill = (byte)"A9\"\\ =x\n"[random.Next(8)];
        var at = random.Next(input.Length + 1);
        return [.. input[..at], .. Enumerable.Repeat(fill, length), .. input[at..]];
    }

    private static byte[] DeepNesting(byte[] input, Random random)
    {
        var depth = random.Next(3) switch { 0 => 65, 1 => 1_000, _ => 100_000 };
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var nested = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)));
        var at = random.Next(input.Length + 1);
        return [.. input[..at], .. nested, .. input[at..]];
    }

    private static byte[] InsertInvalidUtf8(byte[] input, Random random)
    {
        var at = random.Next(input.Length + 1);
        return [.. input[..at], .. InvalidUtf8[random.Next(InvalidUtf8.Length)], .. input[at..]];
    }

    private static byte[] AddBom(byte[] input, Random random) => [.. Boms[random.Next(Boms.Length)], .. input];

    private static byte[] InsertToken(byte[] input, Random random)
    {
        var at = random.Next(input.Length + 1);
        return [.. input[..at], .. Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)]), .. input[at..]];
    }

    private static (int Start, int End) Slice(byte[] input, Random random)
    {
        var start = random.Next(input.Length + 1);
        var end = Math.Min(input.Length, start + random.Next(1, 200));
        return (start, end);
    }

    /// <summary>The lines of <paramref name="input"/>, each with its newline, so joining them gives the input back.</summary>
    private static List<byte[]> Lines(byte[] input)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == (byte)'\n')
            {
                lines.Add(input[start..(i + 1)]);
                start = i + 1;
            }
        }

        lines.Add(input[start..]);
        return lines;
    }
}
