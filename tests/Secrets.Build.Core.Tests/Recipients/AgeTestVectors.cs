using System.IO.Compression;
using System.Text;

namespace Secrets.Build.Core.Tests.Recipients;

/// <summary>
/// The C2SP age test vectors (github.com/C2SP/CCTV, folder age), as
/// <c>AgeVectors/install-age-vectors.sh</c> installs them from the npm package <c>cctv-age</c>
/// into <c>artifacts/test-inputs/age-vectors</c>. Each file is a textual header
/// (<c>key: value</c> lines), an empty line, then the age file, zlib-compressed when the header says so.
/// </summary>
internal static class AgeTestVectors
{
    /// <summary>How many vectors cctv-age 0.2.0 (the version package-lock.json pins) holds: all of them must be there.</summary>
    public const int ExpectedCount = 143;

    public static string Folder { get; } = Path.Combine(TestPaths.RepositoryRoot, "artifacts", "test-inputs", "age-vectors");

    public static string InstallCommand =>
        "bash tests/Secrets.Build.Core.Tests/Recipients/AgeVectors/install-age-vectors.sh";

    /// <summary>Null when the vectors are installed, else why they cannot be read.</summary>
    public static string? Missing() =>
        Directory.Exists(Folder) && Directory.EnumerateFiles(Folder).Any()
            ? null
            : $"The C2SP age test vectors are not installed in {Folder}; run {InstallCommand} (needs node and npm; CI does this in .ci/run).";

    /// <summary>True where the vectors must be present: .ci/run sets SECB_REQUIRE_TEST_INPUTS after
    /// installing them, and hosted build servers set CI.</summary>
    public static bool OnBuildServer =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SECB_REQUIRE_TEST_INPUTS"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static IEnumerable<string> Names() =>
        Missing() is null ? Directory.EnumerateFiles(Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)! : [];

    public static AgeTestVector Read(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, name));
        var end = bytes.AsSpan().IndexOf("\n\n"u8);
        var fields = Encoding.UTF8.GetString(bytes, 0, end).Split('\n')
            .Select(line => line.Split(": ", 2))
            .Select(pair => (Key: pair[0], Value: pair[1]))
            .ToList();
        var file = bytes[(end + 2)..];
        if (fields.Any(f => f.Key == "compressed" && f.Value == "zlib"))
        {
            using var zlib = new ZLibStream(new MemoryStream(file), CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            zlib.CopyTo(inflated);
            file = inflated.ToArray();
        }

        string? Single(string key) => fields.FirstOrDefault(f => f.Key == key).Value;
        return new AgeTestVector(
            name,
            Single("expect") ?? throw new InvalidDataException($"The vector {name} has no 'expect' line."),
            Single("payload"),
            [.. fields.Where(f => f.Key == "identity").Select(f => f.Value)],
            fields.Any(f => f.Key == "passphrase"),
            Single("armored") == "yes",
            file);
    }
}

/// <summary>One vector: what decrypting <paramref name="File"/> with the identities must give.</summary>
internal sealed record AgeTestVector(
    string Name,
    string Expect,
    string? PayloadSha256,
    IReadOnlyList<string> Identities,
    bool HasPassphrase,
    bool Armored,
    byte[] File);

/// <summary>
/// A theory over the age test vectors. Where they are not installed it is skipped with the
/// command that installs them, except on a build server (CI set): there it runs and fails,
/// because a suite that silently skips proves nothing.
/// </summary>
public sealed class AgeVectorTheoryAttribute : TheoryAttribute
{
    public AgeVectorTheoryAttribute()
    {
        Skip = AgeTestVectors.OnBuildServer ? null : AgeTestVectors.Missing();
    }
}

/// <summary>A fact about the installed age test vectors; skipped like <see cref="AgeVectorTheoryAttribute"/>.</summary>
public sealed class AgeVectorFactAttribute : FactAttribute
{
    public AgeVectorFactAttribute()
    {
        Skip = AgeTestVectors.OnBuildServer ? null : AgeTestVectors.Missing();
    }
}
