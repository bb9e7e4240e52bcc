using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>
/// <c>dotnet publish</c> (and the copy to bin/) never carries the schema, the stores, the plaintext
/// outputs or backups, whichever SDK globs the project folder.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PublishTests(PackageFixture package)
{
    [Theory]
    // A console project whose body marks every json and yaml file for copying, as projects often do for config files.
    [InlineData("Microsoft.NET.Sdk", "<None Update=\"**/*.json;**/*.yaml;.env.*\" CopyToOutputDirectory=\"PreserveNewest\" CopyToPublishDirectory=\"PreserveNewest\" />", "static class Program { static void Main() { } }")]
    // The Web SDK's own **/*.json content glob picked up the schema and secrets/.env.<env>.json.
    [InlineData("Microsoft.NET.Sdk.Web", "", "var app = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args).Build();")]
    [InlineData("Microsoft.NET.Sdk.Worker", "<Content Include=\"**/*.yaml\" CopyToPublishDirectory=\"PreserveNewest\" />", "static class Program { static void Main() { } }")]
    public void Publish_leaves_every_secrets_file_out(string sdk, string items, string program)
    {
        var workspace = new TestWorkspace(package, "publish-" + sdk.Split('.')[^1].ToLowerInvariant());
        var project = workspace.AddProject("App", extraProperties: "<OutputType>Exe</OutputType>", sdk: sdk, extraItems: items);
        var projectDirectory = Path.GetDirectoryName(project)!;
        // The schema in the project folder: the workspace is the folder the SDK's globs cover.
        File.WriteAllText(Path.Combine(projectDirectory, "secrets.schema.json"), TestSchemas.Small);
        File.WriteAllText(Path.Combine(projectDirectory, "Program.cs"), program);
        File.WriteAllText(Path.Combine(projectDirectory, "appsettings.json"), "{}\n");
        Lifecycle.LifecycleAssert.Succeeded(workspace.Build(project));
        Assert.True(File.Exists(Path.Combine(projectDirectory, "secrets", ".env.development.json")));

        var publish = workspace.DotNet("publish", project, "-nodeReuse:false", "-o", Path.Combine(workspace.Directory, "out"));

        Assert.True(publish.Succeeded, publish.ToString());
        var shipped = Directory.GetFiles(Path.Combine(workspace.Directory, "out"), "*", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(projectDirectory, "bin"), "*", SearchOption.AllDirectories))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Contains("App.dll", shipped);
        Assert.DoesNotContain(shipped, name => name == "secrets.schema.json"
            || name!.StartsWith(".env.", StringComparison.Ordinal)
            || name.StartsWith("k8s-secrets-", StringComparison.Ordinal)
            || name.EndsWith(".override.yml", StringComparison.Ordinal));
        if (sdk != "Microsoft.NET.Sdk.Worker")
        {
            // The project's own content still travels: only the secrets' files were taken out.
            Assert.Contains("appsettings.json", shipped);
        }
    }
}
