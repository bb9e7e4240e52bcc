using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Write_creates_the_file_with_the_exact_bytes()
    {
        var path = _dir.Combine("a.json");

        AtomicFile.Write(path, [1, 2, 3, 0, 255]);

        Assert.Equal(new byte[] { 1, 2, 3, 0, 255 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_replaces_existing_content_entirely()
    {
        var path = _dir.Combine("a.txt");
        File.WriteAllText(path, "a much longer previous content that must not leave a tail");

        AtomicFile.WriteText(path, "short");

        Assert.Equal("short", File.ReadAllText(path));
    }

    [Fact]
    public void WriteText_writes_utf8_without_byte_order_mark()
    {
        var path = _dir.Combine("a.txt");

        AtomicFile.WriteText(path, "é");

        Assert.Equal(Encoding.UTF8.GetBytes("é"), File.ReadAllBytes(path));
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Written_file_is_mode_600_even_when_the_old_file_was_world_readable()
    {
        var path = _dir.Combine("a.txt");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("644", 8));

        AtomicFile.WriteText(path, "new");

        Assert.Equal(FileModes.PrivateFile, File.GetUnixFileMode(path));
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_temp_file_already_has_mode_600_before_the_rename()
    {
        UnixFileMode? seen = null;
        AtomicFile.Write(_dir.Combine("a.txt"), [1], tempPath => seen = FileModes.Read(tempPath));

        Assert.Equal(FileModes.PrivateFile, seen);
    }

    [Fact]
    public void The_temp_file_is_in_the_target_folder_and_complete_before_the_rename()
    {
        var target = _dir.Combine("a.txt");
        string? tempFolder = null;
        byte[]? tempContent = null;

        AtomicFile.Write(target, [7, 8, 9], tempPath =>
        {
            tempFolder = Path.GetDirectoryName(tempPath);
            tempContent = File.ReadAllBytes(tempPath);
        });

        Assert.Equal(_dir.Path, tempFolder);
        Assert.Equal(new byte[] { 7, 8, 9 }, tempContent);
    }

    [Fact]
    public void A_crash_between_write_and_rename_keeps_the_old_content_and_leaves_no_temp_file()
    {
        var path = _dir.Combine("store.json");
        File.WriteAllText(path, "old content");

        var crash = Assert.Throws<InvalidOperationException>(() =>
            AtomicFile.Write(path, Encoding.UTF8.GetBytes("new content"), _ => throw new InvalidOperationException("simulated crash")));

        Assert.Equal("simulated crash", crash.Message);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal(["store.json"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_crash_before_the_first_write_leaves_no_file_at_all()
    {
        var path = _dir.Combine("new.json");

        Assert.Throws<InvalidOperationException>(() =>
            AtomicFile.Write(path, [1, 2], _ => throw new InvalidOperationException("simulated crash")));

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void Write_into_a_missing_folder_is_a_SECB_error_naming_the_file()
    {
        var path = _dir.Combine("missing", "a.txt");

        var ex = Assert.Throws<SecretsException>(() => AtomicFile.WriteText(path, "x"));

        Assert.Equal(DiagnosticCodes.WriteFailed, ex.Code);
        Assert.Equal(path, ex.Diagnostics[0].Location?.File);
        Assert.NotNull(ex.Diagnostics[0].Fix);
    }

    [Fact]
    public void WriteIfChanged_keeps_the_timestamp_when_content_is_identical()
    {
        var path = _dir.Combine("a.env");
        AtomicFile.WriteText(path, "A=1\n");
        var past = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);

        var wrote = AtomicFile.WriteTextIfChanged(path, "A=1\n");

        Assert.False(wrote);
        Assert.Equal(past, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void WriteIfChanged_writes_when_content_differs()
    {
        var path = _dir.Combine("a.env");
        AtomicFile.WriteText(path, "A=1\n");
        var past = new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, past);

        var wrote = AtomicFile.WriteTextIfChanged(path, "A=2\n");

        Assert.True(wrote);
        Assert.Equal("A=2\n", File.ReadAllText(path));
        Assert.NotEqual(past, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void WriteIfChanged_creates_a_missing_file()
    {
        var path = _dir.Combine("a.env");

        Assert.True(AtomicFile.WriteTextIfChanged(path, "A=1\n"));
        Assert.Equal("A=1\n", File.ReadAllText(path));
    }
}
