namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>Finds the repository the tests were built from, so they pack its current sources.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string PackagingProject => Path.Combine(Root, "src", "Secrets.Build", "Secrets.Build.csproj");

    /// <summary>The library package's project, Secrets.Build.Core.</summary>
    public static string CoreProject => Path.Combine(Root, "src", "Secrets.Build.Core", "Secrets.Build.Core.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Secrets.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Secrets.Build.sln not found above {AppContext.BaseDirectory}.");
    }
}
