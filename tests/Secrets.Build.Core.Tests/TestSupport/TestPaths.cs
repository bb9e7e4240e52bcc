namespace Secrets.Build.Core.Tests.TestSupport;

/// <summary>Locates files of the repository from the test output folder.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SampleSchema => Path.Combine(RepositoryRoot, "samples", "MultimodalStack", "secrets.schema.json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Secrets.Build.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Secrets.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
