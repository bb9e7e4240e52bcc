using System.Text;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Tests.Outputs.Readers;
using YamlDotNet.RepresentationModel;

namespace Secrets.Build.Core.Tests.Outputs;

public sealed class KubernetesSecretRendererTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writes_an_opaque_secret_named_for_project_and_environment_with_labels()
    {
        var manifest = Load(KubernetesSecretRenderer.Render(TestSchemas.Schema("multimodal-stack"), [("A_KEY", "v")], "Production"));

        Assert.Equal("v1", manifest["apiVersion"].ToString());
        Assert.Equal("Secret", manifest["kind"].ToString());
        Assert.Equal("Opaque", manifest["type"].ToString());
        var metadata = (YamlMappingNode)manifest["metadata"];
        Assert.Equal("multimodal-stack-production-secrets", metadata["name"].ToString());
        var labels = ((YamlMappingNode)metadata["labels"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());
        Assert.Equal("secrets-build", labels["app.kubernetes.io/managed-by"]);
        Assert.Equal("production", labels["app.kubernetes.io/environment"]);
        Assert.Equal("multimodal-stack", labels["app.kubernetes.io/part-of"]);
    }

    [Fact]
    public void Data_is_base64_of_the_utf8_value_in_ordinal_key_order()
    {
        var manifest = Load(KubernetesSecretRenderer.Render(TestSchemas.Schema("demo"),
            [("B", "päss wörd"), ("A", "x"), ("Y", ""), ("NO", "n")], "dev"));

        var data = Data(manifest);
        Assert.Equal(["A", "B", "NO", "Y"], data.Keys);
        Assert.Equal("päss wörd", Encoding.UTF8.GetString(Convert.FromBase64String(data["B"])));
        Assert.Equal(string.Empty, data["Y"]);
    }

    [Fact]
    public void Quotes_keys_yaml_1_1_would_read_as_booleans_as_kubectl_does()
    {
        var text = KubernetesSecretRenderer.Render(TestSchemas.Schema("demo"), [("Y", "a"), ("NO", "b"), ("ON_CALL", "c")], "dev");

        Assert.Contains("\n  \"NO\": ", text);
        Assert.Contains("\n  \"Y\": ", text);
        Assert.Contains("\n  ON_CALL: ", text);
    }

    [Theory]
    [InlineData("My Project!", "my-project-dev-secrets")]
    [InlineData("--Stack__v2--", "stack-v2-dev-secrets")]
    public void Derives_a_dns_1123_name_from_any_project_name(string project, string expected)
    {
        Assert.Equal(expected, KubernetesNames.SecretName(project, "dev"));
    }

    [Theory]
    [InlineData("!!!")]
    [InlineData("a-project-name-so-long-that-with-the-environment-it-passes-sixty-three")]
    public void Refuses_a_project_name_that_cannot_form_a_kubernetes_name(string project)
    {
        var error = Assert.Throws<SecretsException>(() =>
            KubernetesSecretRenderer.Render(TestSchemas.Schema(project), [("A", "b")], "production"));

        Assert.Equal(DiagnosticCodes.InvalidKubernetesName, error.Code);
        Assert.Equal("secrets.schema.json", error.Diagnostics[0].Location?.File);
    }

    [Fact]
    public void Refuses_a_value_that_is_not_valid_unicode_without_showing_it()
    {
        var value = "s3cr3t-token" + '\uDC00';

        var error = Assert.Throws<SecretsException>(() =>
            KubernetesSecretRenderer.Render(TestSchemas.Schema("demo"), [("BROKEN", value)], "dev"));

        Assert.Equal(DiagnosticCodes.EnvValueNotRepresentable, error.Code);
        Assert.Contains("BROKEN", error.Message);
        Assert.DoesNotContain("s3cr3t-token", error.ToString());
    }

    [ToolFact(Tools.Kubectl)]
    public void Data_equals_what_kubectl_creates_from_the_rendered_env_file()
    {
        var values = EnvTestValues.EveryEnvSafeCharacter().Append(("Y", "yes")).ToList();
        var envFile = Path.Combine(_temp.Path, ".env.development");
        File.WriteAllText(envFile, EnvFileRenderer.Render(values, "development"));
        var ours = Load(KubernetesSecretRenderer.Render(TestSchemas.Schema("demo"), values, "development"));

        var kubectl = Kubectl("create", "secret", "generic", "demo-development-secrets", $"--from-env-file={envFile}");

        Assert.Equal(Data(kubectl), Data(ours));
        Assert.Equal(((YamlMappingNode)kubectl["metadata"])["name"].ToString(), ((YamlMappingNode)ours["metadata"])["name"].ToString());
    }

    // kubectl's --from-env-file keeps quotes as part of the value and reads one line per entry, so
    // for values that need quoting the raw bytes (--from-file) are the reference, not the env file.
    [ToolTheory(Tools.Kubectl)]
    [MemberData(nameof(EnvTestValues.Representable), MemberType = typeof(EnvTestValues))]
    public void Data_equals_what_kubectl_creates_from_the_raw_value(string label, string value)
    {
        var file = Path.Combine(_temp.Path, "HOSTILE");
        File.WriteAllBytes(file, new UTF8Encoding(false).GetBytes(value));
        var ours = Load(KubernetesSecretRenderer.Render(TestSchemas.Schema("demo"), [("HOSTILE", value)], "dev"));

        var kubectl = Kubectl("create", "secret", "generic", "demo-dev-secrets", $"--from-file=HOSTILE={file}");

        Assert.True(Data(kubectl)["HOSTILE"] == Data(ours)["HOSTILE"], $"{label}: data differs from kubectl's.");
    }

    private static YamlMappingNode Kubectl(params string[] arguments)
    {
        var result = ExternalProcess.Run("kubectl", [.. arguments, "--dry-run=client", "-o", "yaml"]);
        Assert.True(result.ExitCode == 0, $"kubectl failed: {result.StandardError}");
        return Load(result.StandardOutput);
    }

    private static Dictionary<string, string> Data(YamlMappingNode manifest) =>
        ((YamlMappingNode)manifest["data"]).Children.ToDictionary(p => p.Key.ToString(), p => p.Value.ToString());

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
