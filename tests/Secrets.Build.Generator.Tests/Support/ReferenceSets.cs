using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>The reference assemblies of the frameworks consumers target.</summary>
internal static class ReferenceSets
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80Lazy = new(() =>
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray());

    private static readonly Lazy<ImmutableArray<MetadataReference>> Net100Lazy = new(() => FromFolder(Net100Folder()));

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetStandard20Lazy = new(() => FromFolder(
        Path.Combine(TestPaths.NuGetPackageRoot, "netstandard.library", "2.0.3", "build", "netstandard2.0", "ref")));

    private static readonly Lazy<ImmutableArray<MetadataReference>> RuntimeLazy = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    public static ImmutableArray<MetadataReference> Net80 => Net80Lazy.Value;

    public static ImmutableArray<MetadataReference> Net100 => Net100Lazy.Value;

    public static ImmutableArray<MetadataReference> NetStandard20 => NetStandard20Lazy.Value;

    /// <summary>The running process's own assemblies (tests that load what they compile).</summary>
    public static ImmutableArray<MetadataReference> Runtime => RuntimeLazy.Value;

    public static ImmutableArray<MetadataReference> For(string target) => target switch
    {
        "net8.0" => Net80,
        "net10.0" => Net100,
        "netstandard2.0" => NetStandard20,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>Microsoft.Extensions.Configuration and what it needs, as the tests reference them.</summary>
    public static ImmutableArray<MetadataReference> Configuration { get; } = new[]
    {
        typeof(Microsoft.Extensions.Configuration.ConfigurationBuilder).Assembly,
        typeof(Microsoft.Extensions.Configuration.IConfigurationBuilder).Assembly,
        typeof(Microsoft.Extensions.Primitives.StringValues).Assembly,
    }.Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location)).ToImmutableArray();

    /// <summary>The SDK's own net10.0 targeting pack, beside the runtime the tests run on.</summary>
    private static string Net100Folder()
    {
        var runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        return Directory.GetDirectories(packs)
            .Select(version => Path.Combine(version, "ref", "net10.0"))
            .Where(Directory.Exists)
            .OrderByDescending(path => path, StringComparer.Ordinal)
            .First();
    }

    private static ImmutableArray<MetadataReference> FromFolder(string folder) => Directory
        .GetFiles(folder, "*.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToImmutableArray();
}
