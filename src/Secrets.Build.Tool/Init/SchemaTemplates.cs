using System.Text;
using System.Text.Json.Nodes;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Tool.Init;

/// <summary>The schemas <c>init</c> writes: an empty one, the reference stack's, or one inferred from a .env.</summary>
internal static class SchemaTemplates
{
    public const string MultimodalStack = "multimodal-stack";

    /// <summary>A schema with the usual environments and no secrets yet, named after the folder.</summary>
    public static string Empty(string folder) => Render(ProjectName(folder), new JsonObject());

    /// <summary>The reference stack's 21 secrets, as shipped in samples/MultimodalStack.</summary>
    public static string Multimodal()
    {
        using var stream = typeof(SchemaTemplates).Assembly.GetManifestResourceStream("Templates." + MultimodalStack + ".json")
            ?? throw new InvalidOperationException("The multimodal-stack template is missing from the tool.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var schema = JsonNode.Parse(reader.ReadToEnd())!.AsObject();
        // The sample points at the repository's copy of the JSON Schema, which a user's folder lacks.
        schema.Remove("$schema");
        return schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>
    /// One declaration per name in the .env, its category guessed from the name. Passwords and keys
    /// get a generation rule, so they can be rotated later (the imported value stays until then,
    /// and a weak one is marked due); API keys are external: a provider issues them.
    /// </summary>
    public static string FromEnvFile(string folder, IEnumerable<EnvFileEntry> entries)
    {
        var secrets = new JsonObject();
        foreach (var entry in entries.DistinctBy(e => e.Name))
        {
            var category = CategoryGuess.For(entry.Name);
            var declaration = new JsonObject
            {
                ["description"] = $"Imported from .env ({entry.Name}).",
                ["category"] = category,
            };
            if (CategoryGuess.RuleFor(category) is { } rule)
            {
                declaration["generate"] = rule;
            }
            else
            {
                declaration["external"] = true;
            }

            secrets[entry.Name] = declaration;
        }

        return Render(ProjectName(folder), secrets);
    }

    private static string Render(string project, JsonObject secrets)
    {
        var schema = new JsonObject
        {
            ["version"] = 1,
            ["project"] = project,
            ["environments"] = new JsonArray("development", "staging", "production"),
            ["secrets"] = secrets,
        };
        return schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    // The project names the Kubernetes Secret: a lower-case DNS label.
    private static string ProjectName(string folder)
    {
        var name = new string(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "app" : name[..Math.Min(name.Length, 50)].TrimEnd('-');
    }
}
