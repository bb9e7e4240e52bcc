using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Provisioning;

namespace Secrets.Build.Core.Tests.Provisioning;

/// <summary>The API never writes over an output another tool wrote (issue: a Vite .env.development was replaced).</summary>
public sealed class ForeignOutputsTests : IDisposable
{
    private const string ViteFile = "VITE_API_URL=http://localhost:5173\n";

    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private ProvisionOptions Options(bool replace = false) => new()
    {
        SchemaPath = _workspace.SchemaPath,
        KeyDirectory = _workspace.KeyDirectory,
        EnvironmentVariables = new Dictionary<string, string>(),
        ReplaceForeignOutputs = replace,
    };

    [Fact]
    public void A_foreign_env_file_is_refused_with_SECB310_and_nothing_is_written()
    {
        File.WriteAllText(_workspace.Path_(".env.development"), ViteFile);
        var before = _workspace.Snapshot();

        var result = new SecretsManager().Provision(Options());

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.ForeignOutput, error.Code);
        Assert.Contains("-t:ImportSecrets -p:SecretsImportFrom=.env.development", error.Fix);
        Assert.Equal(before, _workspace.Snapshot());
        Assert.Equal(ViteFile, File.ReadAllText(_workspace.Path_(".env.development")));
        Assert.False(File.Exists(_workspace.Path_("secrets/.env.development.json")));
        Assert.False(Directory.Exists(_workspace.KeyDirectory) && Directory.EnumerateFiles(_workspace.KeyDirectory).Any());
    }

    [Fact]
    public void With_replace_the_foreign_file_is_moved_to_a_private_backup_first()
    {
        File.WriteAllText(_workspace.Path_("k8s-secrets-development.yaml"), "kind: ConfigMap\n");

        var result = new SecretsManager().Provision(Options(replace: true));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var moved = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ForeignOutput);
        Assert.Equal(SecretsSeverity.Warning, moved.Severity);
        var backup = Assert.Single(Directory.GetFiles(_workspace.Path_("secrets/backup"), "k8s-secrets-development.yaml", SearchOption.AllDirectories));
        Assert.Equal("kind: ConfigMap\n", File.ReadAllText(backup));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, Secrets.Build.Core.IO.FileModes.Read(backup));
        Assert.StartsWith(Secrets.Build.Core.Outputs.OutputMarker.Prefix, File.ReadAllText(_workspace.Path_("k8s-secrets-development.yaml")));
    }

    [Fact]
    public void Outputs_it_wrote_itself_are_rewritten_as_before()
    {
        Assert.True((new SecretsManager().Provision(Options())).Succeeded);

        var second = new SecretsManager().Provision(Options());

        Assert.True(second.Succeeded, string.Join("\n", second.Diagnostics));
        Assert.DoesNotContain(second.Diagnostics, d => d.Code == DiagnosticCodes.ForeignOutput);
    }
}
