using System.Collections.Immutable;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Outputs;

/// <summary>
/// Schemas for output tests, built from the model records so these tests do not depend on the
/// schema parser. <see cref="Sample"/> reads only names, services and external flags of the sample.
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

    public static SecretsSchema Sample()
    {
        var path = Path.Combine(SampleFolder, "secrets.schema.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var secrets = root.GetProperty("secrets").EnumerateObject()
            .Select(p => Secret(p.Name, p.Value.GetProperty("services").EnumerateArray().Select(s => s.GetString()!).ToArray()) with
            {
                Generation = p.Value.TryGetProperty("external", out var external) && external.GetBoolean()
                    ? GenerationRule.External
                    : new GenerationRule(GenerationKind.Hex, 0, 32, string.Empty, string.Empty, null, null, null),
            })
            .ToArray();
        return Schema(root.GetProperty("project").GetString()!, secrets) with { SourcePath = path };
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
