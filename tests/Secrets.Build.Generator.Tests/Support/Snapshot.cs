namespace Secrets.Build.Generator.Tests.Support;

/// <summary>
/// Compares text with a file stored under <c>Snapshots/</c>. On a difference it writes the new
/// text beside it as <c>.received.cs</c> and says how to accept it.
/// </summary>
internal static class Snapshot
{
    private const string UpdateVariable = "UPDATE_SNAPSHOTS";

    public static void Match(string actual, string name)
    {
        var directory = Path.Combine(TestPaths.ProjectDirectory, "Snapshots");
        var expectedPath = Path.Combine(directory, name);
        var receivedPath = Path.ChangeExtension(expectedPath, ".received.cs");
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(expectedPath))
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"No snapshot '{expectedPath}'. Review '{receivedPath}', then rename it, or run `{UpdateVariable}=1 dotnet test tests/Secrets.Build.Generator.Tests`.");
        }

        var expected = File.ReadAllText(expectedPath).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail(
            $"The emitter's output differs from snapshot '{name}' at line {line + 1}.\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end of file>")}\n" +
            $"If the change is intended: diff '{expectedPath}' '{receivedPath}', then copy the received file over it, " +
            $"or run `{UpdateVariable}=1 dotnet test tests/Secrets.Build.Generator.Tests` and review the git diff.");
    }
}
