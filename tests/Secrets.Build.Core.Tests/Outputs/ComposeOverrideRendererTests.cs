using System.Security.Cryptography;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Tests.Outputs.Readers;
using YamlDotNet.RepresentationModel;

namespace Secrets.Build.Core.Tests.Outputs;

public sealed class ComposeOverrideRendererTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Maps_each_service_to_references_of_its_secrets_in_ordinal_order()
    {
        var schema = TestSchemas.Schema("demo",
            TestSchemas.Secret("REDIS_PASSWORD", "redis", "worker"),
            TestSchemas.Secret("API_KEY", "worker"));

        var yaml = Load(ComposeOverrideRenderer.Render(schema, "Staging"));

        var services = (YamlMappingNode)yaml["services"];
        Assert.Equal(["redis", "worker"], services.Children.Keys.Select(k => k.ToString()));
        Assert.Equal([("REDIS_PASSWORD", "${REDIS_PASSWORD}")], Environment(services, "redis"));
        Assert.Equal([("API_KEY", "${API_KEY}"), ("REDIS_PASSWORD", "${REDIS_PASSWORD}")], Environment(services, "worker"));
    }

    [Fact]
    public void The_same_mapping_in_another_declaration_order_renders_the_same_text()
    {
        var a = TestSchemas.Secret("A_KEY", "web", "api");
        var b = TestSchemas.Secret("B_KEY", "api");

        Assert.Equal(
            ComposeOverrideRenderer.Render(TestSchemas.Schema("demo", a, b), "dev"),
            ComposeOverrideRenderer.Render(TestSchemas.Schema("demo", b, a with { Services = ["api", "web"] }), "dev"));
    }

    [Fact]
    public void A_schema_without_services_renders_an_empty_services_map()
    {
        var yaml = Load(ComposeOverrideRenderer.Render(TestSchemas.Schema("demo", TestSchemas.Secret("ONLY_K8S")), "dev"));

        Assert.Empty((YamlMappingNode)yaml["services"]);
    }

    [Theory]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("colon:name")]
    public void Refuses_a_service_name_compose_rejects_at_the_secret_declaration(string service)
    {
        var schema = TestSchemas.Schema("demo", TestSchemas.Secret("API_KEY", service));

        var error = Assert.Throws<SecretsException>(() => ComposeOverrideRenderer.Render(schema, "dev"));

        Assert.Equal(DiagnosticCodes.InvalidServiceName, error.Code);
        Assert.Contains("API_KEY", error.Message);
        Assert.Equal("secrets.schema.json", error.Diagnostics[0].Location?.File);
    }

    [ToolFact(Tools.Compose)]
    public void Compose_accepts_an_override_and_gives_each_service_its_values() =>
        AcceptsAnOverride(Tools.Compose);

    [ToolFact(Tools.ComposeV1)]
    public void Compose_v1_accepts_an_override_and_gives_each_service_its_values() =>
        AcceptsAnOverride(Tools.ComposeV1);

    private void AcceptsAnOverride(string compose)
    {
        var schema = TestSchemas.Schema("demo",
            TestSchemas.Secret("DB_PASSWORD", "db", "api"),
            TestSchemas.Secret("IMPORTED_KEY", "api"));
        var values = new List<(string, string)> { ("DB_PASSWORD", "abc+/=:@%,^"), ("IMPORTED_KEY", "has $dollar # and spaces") };
        var baseFile = Path.Combine(_temp.Path, "docker-compose.yml");
        File.WriteAllText(baseFile, "services:\n  db:\n    image: postgres:16-alpine\n  api:\n    image: busybox\n");

        var services = RunCompose(compose, schema, values, baseFile);

        Assert.Equal("abc+/=:@%,^", Variable(services, "db", "DB_PASSWORD"));
        Assert.Equal("abc+/=:@%,^", Variable(services, "api", "DB_PASSWORD"));
        Assert.Equal("has $dollar # and spaces", Variable(services, "api", "IMPORTED_KEY"));
        Assert.False(services.GetProperty("db").GetProperty("environment").TryGetProperty("IMPORTED_KEY", out _));
    }

    [ToolFact(Tools.Compose)]
    public void The_sample_stack_with_its_override_and_env_file_passes_compose_config() =>
        SampleStackPasses(Tools.Compose);

    // The seed's own commands run Debian 12's docker-compose 1.29: the sample must stay valid for it.
    [ToolFact(Tools.ComposeV1)]
    public void The_sample_stack_with_its_override_and_env_file_passes_compose_v1_config() =>
        SampleStackPasses(Tools.ComposeV1);

    private void SampleStackPasses(string compose)
    {
        var schema = TestSchemas.Sample();
        var values = schema.Secrets
            .Select(s => (s.Name, s.IsExternal ? $"sk-test {s.Name} with $ and # inside" : RandomNumberGenerator.GetHexString(32, lowercase: true)))
            .ToList();

        var services = RunCompose(compose, schema, values, Path.Combine(TestSchemas.SampleFolder, "docker-compose.yml"));

        foreach (var secret in schema.Secrets)
        {
            var value = values.Single(v => v.Name == secret.Name).Item2;
            foreach (var service in secret.Services)
            {
                Assert.True(Variable(services, service, secret.Name) == value, $"{service} does not receive {secret.Name}.");
            }
        }

        // The base file reads the values itself too: spot-check its own mappings.
        Assert.Equal(values.Single(v => v.Name == "QDRANT_API_KEY").Item2, Variable(services, "qdrant", "QDRANT__SERVICE__API_KEY"));
        Assert.Equal(values.Single(v => v.Name == "GRAFANA_ADMIN_PASSWORD").Item2, Variable(services, "grafana", "GF_SECURITY_ADMIN_PASSWORD"));
    }

    [Fact]
    public void The_sample_compose_file_defines_every_service_the_sample_schema_names()
    {
        var compose = new YamlStream();
        compose.Load(new StringReader(File.ReadAllText(Path.Combine(TestSchemas.SampleFolder, "docker-compose.yml"))));
        var defined = ((YamlMappingNode)((YamlMappingNode)compose.Documents[0].RootNode)["services"]).Children.Keys
            .Select(k => k.ToString())
            .ToHashSet();

        var named = TestSchemas.Sample().Secrets.SelectMany(s => s.Services).Distinct();

        Assert.All(named, service => Assert.Contains(service, defined));
        var required = new HashSet<string> { "postgres", "redis", "qdrant", "minio", "litellm", "elasticsearch", "kibana", "grafana", "prometheus", "multimodal-worker", "retrieval-proxy", "ai-agents", "user-management" };
        Assert.Subset(defined, required);
    }

    private JsonElement RunCompose(string compose, Core.Schema.SecretsSchema schema, IReadOnlyList<(string, string)> values, string baseFile)
    {
        var envFile = Path.Combine(_temp.Path, OutputPaths.EnvFile("development"));
        var overrideFile = Path.Combine(_temp.Path, OutputPaths.ComposeOverride("development"));
        File.WriteAllText(envFile, EnvFileRenderer.Render(values, "development"));
        var overrideText = ComposeOverrideRenderer.Render(schema, "development");
        File.WriteAllText(overrideFile, overrideText);
        Assert.All(values, v => Assert.DoesNotContain(v.Item2, overrideText));

        using var config = EnvReaders.ComposeConfig(compose, Path.GetDirectoryName(baseFile)!, envFile, baseFile, overrideFile);
        return config.RootElement.GetProperty("services").Clone();
    }

    private static string? Variable(JsonElement services, string service, string name) =>
        services.GetProperty(service).GetProperty("environment").TryGetProperty(name, out var value)
            ? EnvReaders.Unescape(value.GetString())
            : null;

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<(string, string)> Environment(YamlMappingNode services, string service) =>
        ((YamlMappingNode)((YamlMappingNode)services[service])["environment"]).Children
            .Select(p => (p.Key.ToString(), p.Value.ToString()));
}
