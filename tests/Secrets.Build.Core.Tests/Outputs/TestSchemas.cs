using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Outputs;

/// <summary>
/// Schemas for output tests, built from the model records so these tests do not depend on the
/// schema parser; <see cref="Sample"/> reads the sample stack's schema with it.
/// </summary>
internal static class TestSchemas
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SampleFolder => Path.Combine(RepositoryRoot, "samples", "MultimodalStack");

    public static SecretDefinition Secret(string name, params string[] services) => new(
        name,
        string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p[..1] + p[1..].ToLowerInvariant())),
        $"{name} for tests.",
        "api_keys",
        SecretValueType.String,
        new GenerationRule(GenerationKind.Hex, 0, 32, string.Empty, string.Empty, null, null, null),
        services.ToImmutableArray(),
        null,
        SourceLocation.ForFile("secrets.schema.json"));

    public static SecretsSchema Schema(string projectName, params SecretDefinition[] secrets) => new(
        projectName,
        SchemaDefaults.Environments,
        SchemaDefaults.RotationPolicies,
        SchemaDefaults.MinimumEntropyBits,
        secrets.ToImmutableArray(),
        "secrets.schema.json");

    /// <summary>The sample stack's schema, read by the real parser.</summary>
    public static SecretsSchema Sample()
    {
        var path = Path.Combine(SampleFolder, "secrets.schema.json");
        var result = SchemaParser.Parse(File.ReadAllText(path), path);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Schema!;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Secrets.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Secrets.Build.sln not found above the test binaries.");
    }
}
