using System.IO.Compression;
using System.Text;

namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>Assertions about where secret values must never appear. Failures name the secret, never its value.</summary>
internal static class SecretAssert
{
    public static void NotInText(string text, IReadOnlyDictionary<string, string> secrets, string where)
    {
        foreach (var (name, value) in Searchable(secrets))
        {
            Assert.False(text.Contains(value, StringComparison.Ordinal), $"The value of {name} appears in {where}.");
        }
    }

    /// <summary>
    /// A binary log is a gzip stream of records whose strings are UTF-8, so a value logged anywhere
    /// (message, property, item, task parameter) appears as its UTF-8 bytes once decompressed.
    /// </summary>
    public static void NotInBinaryLog(string binlogPath, IReadOnlyDictionary<string, string> secrets)
    {
        using var decompressed = new MemoryStream();
        using (var gzip = new GZipStream(File.OpenRead(binlogPath), CompressionMode.Decompress))
        {
            gzip.CopyTo(decompressed);
        }

        var bytes = decompressed.ToArray();
        Assert.True(bytes.Length > 10_000, "The binary log is suspiciously small; the scan would prove nothing.");
        foreach (var (name, value) in Searchable(secrets))
        {
            var needle = Encoding.UTF8.GetBytes(value);
            Assert.False(bytes.AsSpan().IndexOf(needle) >= 0, $"The value of {name} appears in the binary log.");
        }
    }

    /// <summary>Every file mode check in one place: private files 600, private folders 700.</summary>
    public static void HasMode(string path, UnixFileMode expected)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has ACLs, not modes; Core's Windows protection is tested there.
        }

        var actual = File.GetUnixFileMode(path);
        Assert.True(actual == expected, $"{path} has mode {Convert.ToString((int)actual, 8)}, expected {Convert.ToString((int)expected, 8)}.");
    }

    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Short values (e.g. an empty external) would match by accident and prove nothing.
    private static IEnumerable<KeyValuePair<string, string>> Searchable(IReadOnlyDictionary<string, string> secrets) =>
        secrets.Where(pair => pair.Value.Length >= 12);
}
