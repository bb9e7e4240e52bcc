using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.IntegrationTests.Lifecycle;

namespace Secrets.Build.IntegrationTests;

/// <summary>What a fresh clone, typed external secrets and a failed first production build leave behind.</summary>
[Collection(PackageCollection.Name)]
public sealed class FreshCloneAndExternalTests(PackageFixture package)
{
    private const string TypedSchema = """
        {
          "version": 1,
          "project": "typed-app",
          "secrets": {
            "DATABASE_PASSWORD": { "category": "database_passwords", "generate": { "kind": "password", "length": 32 } },
            "PORT_NUMBER": { "category": "api_keys", "type": "int", "external": true }
          }
        }
        """;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_fresh_clone_gets_its_store_and_metadata_set_to_600_with_one_SECB551()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("fresh-clone");
        // What git checks out: 644 files, and no obj/ (so provisioning runs).
        File.SetUnixFileMode(workspace.StorePath(), (UnixFileMode)0b110_100_100);
        File.SetUnixFileMode(workspace.MetadataPath(), (UnixFileMode)0b110_100_100);
        Directory.Delete(Path.Combine(Path.GetDirectoryName(project)!, "obj", "secrets"), recursive: true);

        var first = workspace.Build(project);
        Directory.Delete(Path.Combine(Path.GetDirectoryName(project)!, "obj", "secrets"), recursive: true);
        var second = workspace.Build(project);

        LifecycleAssert.Succeeded(first);
        LifecycleAssert.Succeeded(second);
        Assert.Contains("warning SECB551", first.Output, StringComparison.Ordinal);
        Assert.Contains(".env.development.json was mode 644", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SECB551", second.Output, StringComparison.Ordinal);
        SecretAssert.HasMode(workspace.StorePath(), SecretAssert.PrivateFile);
        SecretAssert.HasMode(workspace.MetadataPath(), SecretAssert.PrivateFile);
    }

    [Fact]
    public void The_compliance_report_is_gitignored_and_names_no_absolute_folder()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("report-paths");

        var report = workspace.RunTarget(project, "SecretsReport");

        LifecycleAssert.Succeeded(report);
        Assert.Contains("secrets/.env.development.compliance.*", File.ReadAllText(Path.Combine(workspace.Directory, ".gitignore")), StringComparison.Ordinal);
        foreach (var extension in new[] { "json", "md", "sarif" })
        {
            var text = File.ReadAllText(Path.Combine(workspace.Directory, "secrets", ".env.development.compliance." + extension));
            Assert.DoesNotContain(workspace.Directory, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_typed_external_that_does_not_parse_warns_in_development_and_fails_production_without_showing_it()
    {
        var workspace = new TestWorkspace(package, "typed-external");
        workspace.WriteSchema(TypedSchema);
        var project = workspace.AddProject("App");
        workspace.Environment["PORT_NUMBER"] = "not-a-port-7f3";

        var development = workspace.Build(project);
        var production = workspace.Build(project, "-p:SecretsEnvironment=production", "-p:SecretsGenerate=true");

        LifecycleAssert.Succeeded(development);
        Assert.Contains("warning SECB287", development.Output, StringComparison.Ordinal);
        Assert.Contains("PORT_NUMBER is declared \"type\": \"int\"", development.Output, StringComparison.Ordinal);
        LifecycleAssert.FailedWith(production, "SECB287");
        Assert.DoesNotContain("not-a-port-7f3", development.Output + production.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.StorePath("production")));
    }

    [Fact]
    public void A_first_production_build_that_fails_on_a_missing_external_leaves_no_key_file()
    {
        var workspace = new TestWorkspace(package, "production-leftover");
        workspace.WriteSchema(TypedSchema);
        var project = workspace.AddProject("App");

        var production = workspace.Build(project, "-p:SecretsEnvironment=production", "-p:SecretsGenerate=true");

        LifecycleAssert.FailedWith(production, "SECB283");
        Assert.Contains("supplied by you", production.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.StorePath("production")));
        Assert.Empty(Directory.Exists(workspace.KeyDirectory) ? Directory.GetFiles(workspace.KeyDirectory, "*", SearchOption.AllDirectories) : []);
    }
}
