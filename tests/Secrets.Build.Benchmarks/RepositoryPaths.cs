using System.Reflection;

namespace Secrets.Build.Benchmarks;

/// <summary>Where the repository is, baked in at build time so benchmarks find the sample schema from any folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The reference stack's schema: 21 secrets, 18 generated and 3 supplied by the user.</summary>
    public static string SampleSchema => Path.Combine(Root, "samples", "MultimodalStack", "secrets.schema.json");
}
