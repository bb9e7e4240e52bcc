using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Tests.Outputs;

public sealed class OutputPathsTests
{
    [Fact]
    public void Names_every_file_of_an_environment_in_lower_case()
    {
        Assert.Equal(".env.staging", OutputPaths.EnvFile("Staging"));
        Assert.Equal("docker-compose.staging.override.yml", OutputPaths.ComposeOverride("STAGING"));
        Assert.Equal("k8s-secrets-staging.yaml", OutputPaths.KubernetesSecret("staging"));
        Assert.Equal("secrets/.env.staging.json", OutputPaths.Store("staging"));
        Assert.Equal("secrets/.env.staging.metadata", OutputPaths.Metadata("staging"));
    }

    [Fact]
    public void The_plaintext_outputs_exclude_the_committed_files()
    {
        Assert.Equal([".env.dev", "docker-compose.dev.override.yml", "k8s-secrets-dev.yaml"], OutputPaths.PlaintextOutputs("dev").ToArray());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("dev/../../etc")]
    [InlineData("dev\\x")]
    [InlineData(" ")]
    public void Refuses_an_environment_that_could_escape_the_workspace(string environment)
    {
        var error = Assert.Throws<SecretsException>(() => OutputPaths.Store(environment));

        Assert.Equal(DiagnosticCodes.InvalidEnvironmentName, error.Code);
    }
}
