using System.Reflection;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>Folders the build recorded into the test assembly (see the .csproj).</summary>
internal static class TestPaths
{
    public static string ProjectDirectory => Metadata("TestProjectDirectory");

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectDirectory, "..", ".."));

    public static string NuGetPackageRoot => Metadata("NuGetPackageRoot");

    private static string Metadata(string key) => typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == key).Value!;
}
