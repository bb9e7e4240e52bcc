using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary><c>dotnet msbuild -t:ImportSecrets -p:SecretsImportFrom=.env</c>: migrating a hand-kept file.</summary>
[Collection(PackageCollection.Name)]
public sealed class ImportSecretsTargetTests(PackageFixture package)
{
    [Fact]
    public void Conflicts_fail_without_overwrite_and_are_adopted_with_it_leaving_the_source_untouched()
    {
        var (workspace, project) = ProvisionedTemplate.For(package).Copy("import");
        var before = workspace.ReadEnvFile();
        var imported = new Dictionary<string, string>
        {
            ["DATABASE_PASSWORD"] = "Imp0rted-" + Guid.NewGuid().ToString("N"),
            ["LEGACY_SETTING"] = "legacy-" + Guid.NewGuid().ToString("N"),
        };
        // Relative to the project folder, as the target documents.
        var source = Path.Combine(Path.GetDirectoryName(project)!, "legacy.env");
        File.WriteAllText(source, string.Concat(imported.Select(pair => $"{pair.Key}={pair.Value}\n")));
        var sourceBytes = File.ReadAllBytes(source);

        var conflict = workspace.RunTarget(project, "ImportSecrets", "-p:SecretsImportFrom=legacy.env");

        LifecycleAssert.FailedWith(conflict, "SECB514");
        Assert.Contains("legacy.env(1,", conflict.Output, StringComparison.Ordinal);
        Assert.Equal(before, workspace.ReadEnvFile());

        var overwrite = workspace.RunTarget(project, "ImportSecrets", "-p:SecretsImportFrom=legacy.env", "-p:SecretsImportOverwrite=true");

        LifecycleAssert.Succeeded(overwrite);
        var after = workspace.ReadEnvFile();
        Assert.Equal(imported["DATABASE_PASSWORD"], after["DATABASE_PASSWORD"]);
        Assert.Equal(before["CACHE_TOKEN"], after["CACHE_TOKEN"]);
        Assert.False(after.ContainsKey("LEGACY_SETTING"), "A name the schema does not declare reached the outputs.");
        Assert.Contains("SECB512", overwrite.Output, StringComparison.Ordinal);
        Assert.Equal(sourceBytes, File.ReadAllBytes(source));
        LifecycleAssert.NoValueIn(conflict, before, imported);
        LifecycleAssert.NoValueIn(overwrite, before, imported);

        var missing = workspace.RunTarget(project, "ImportSecrets");
        LifecycleAssert.FailedWith(missing, "SECB405");
    }
}
