using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Tests.IO;

public sealed class FileModesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void EnsurePrivateDirectory_creates_missing_folders_with_mode_700()
    {
        var path = _dir.Combine("a", "secrets");

        FileModes.EnsurePrivateDirectory(path);

        Assert.True(Directory.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal("700", FileModes.ToOctal(FileModes.Read(path)!.Value));
        }
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void EnsurePrivateDirectory_narrows_an_existing_open_folder()
    {
        var path = _dir.Combine("secrets");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));

        FileModes.EnsurePrivateDirectory(path);

        Assert.Equal(FileModes.PrivateDirectory, File.GetUnixFileMode(path));
    }

    [UnixFact, System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void EnsurePrivateFile_narrows_a_world_readable_file()
    {
        var path = _dir.Combine("a.txt");
        File.WriteAllText(path, "x");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("664", 8));

        FileModes.EnsurePrivateFile(path);

        Assert.Equal("600", FileModes.ToOctal(File.GetUnixFileMode(path)));
    }
}
