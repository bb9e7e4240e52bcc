using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>
/// The README's C# blocks, read from README.md at test time and pasted as they are into the
/// Program.cs of <c>dotnet new console -n MyApp</c>, with the schema shown above each one; then
/// built against the packed package (the library block: against the packed Secrets.Build.Core) and run.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeSnippetTests(PackageFixture package)
{
    private const string FirstSnippet = "AppSecrets.Validate();";
    private const string OptionsSnippet = "IOptions<SmtpOptions>";
    private const string ManagerSnippet = "new SecretsManager()";
    private const string BuildPackageId = "Secrets.Build";
    private const string CorePackageId = "Secrets.Build.Core";

    // The version the options snippet's `dotnet add package Microsoft.Extensions.Hosting` would pick for net10.0.
    private const string HostingVersion = "10.0.0";

    [Fact]
    public void Every_csharp_block_of_the_README_is_run_by_one_of_these_tests()
    {
        Assert.Equal(3, ReadmeSnippets.CSharp.Count);
        Assert.All(new[] { FirstSnippet, OptionsSnippet, ManagerSnippet }, text => ReadmeSnippets.Containing(text));
    }

    [Fact]
    public void The_first_snippet_compiles_in_MyApp_and_the_hosting_environment_picks_the_file_it_reads()
    {
        var snippet = ReadmeSnippets.Containing(FirstSnippet);
        var workspace = NewConsoleApp("readme-first", snippet);
        // The schema's external secret, captured into the store and .env by the build.
        workspace.Environment["OPENAI_API_KEY"] = "sk-readme-external-2c81f0a94d";

        var build = workspace.Build("MyApp/MyApp.csproj");
        Assert.True(build.Succeeded, build.ToString());

        var run = workspace.DotNet(AppDll);
        Assert.True(run.Succeeded, run.ToString());

        // Only development is provisioned: DOTNET_ENVIRONMENT=Staging makes AppSecrets look for .env.staging.
        workspace.Environment["DOTNET_ENVIRONMENT"] = "Staging";
        var staging = workspace.DotNet(AppDll);
        Assert.False(staging.Succeeded, staging.ToString());
        Assert.Contains("environment 'staging' (from DOTNET_ENVIRONMENT=Staging)", staging.Output);
        Assert.Contains("no .env.staging file in any folder looked in: " + Path.Combine(workspace.Directory, "MyApp", "bin", "Debug", "net10.0") + ", ", staging.Output);
    }

    [Fact]
    public void The_options_snippet_binds_secrets_and_a_connection_string_and_the_command_line_still_wins()
    {
        var snippet = ReadmeSnippets.Containing(OptionsSnippet);
        var workspace = NewConsoleApp("readme-options", snippet, extraItems: $"""<PackageReference Include="Microsoft.Extensions.Hosting" Version="{HostingVersion}" />""");
        // Only the build sees it: the run must get it through AddAppSecrets from .env, not from its own environment.
        workspace.Environment["CONNECTIONSTRINGS__DEFAULT"] = "Host=db;Database=shop";

        var build = workspace.Build("MyApp/MyApp.csproj");
        Assert.True(build.Succeeded, build.ToString());
        workspace.Environment.Remove("CONNECTIONSTRINGS__DEFAULT");

        var run = workspace.DotNet(AppDll);
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("SMTP password: 32 characters; connection string set: True", run.Output);

        var overridden = workspace.DotNet(AppDll, "--SMTP:PASSWORD=abc");
        Assert.True(overridden.Succeeded, overridden.ToString());
        Assert.Contains("SMTP password: 3 characters", overridden.Output);
    }

    [Fact]
    public void The_library_snippet_provisions_rotates_and_reports_staging_through_the_packed_core_package()
    {
        var snippet = ReadmeSnippets.Containing(ManagerSnippet);
        var workspace = NewConsoleApp("readme-library", snippet, CorePackageId);

        var build = workspace.Build("MyApp/MyApp.csproj");
        Assert.True(build.Succeeded, build.ToString());
        // From the feed, not from a project reference: the package under test is what the app ran on.
        Assert.True(Directory.Exists(Path.Combine(package.PackagesDirectory, CorePackageId.ToLowerInvariant(), package.Version)));
        // libsodium reaches the app through NSec, the package's dependency.
        var runtimes = Path.Combine(workspace.Directory, "MyApp", "bin", "Debug", "net10.0", "runtimes");
        Assert.NotEmpty(Directory.EnumerateFiles(runtimes, "libsodium*", SearchOption.AllDirectories));

        var firstDay = DateTime.UtcNow.Date;
        var run = workspace.DotNet(AppDll);
        var lastDay = DateTime.UtcNow.Date;
        Assert.True(run.Succeeded, run.ToString());

        // Nothing to report: both secrets are generated, none is external.
        Assert.DoesNotContain("SECB", run.Output, StringComparison.Ordinal);
        Assert.Contains("Generated: POSTGRES_PASSWORD, JWT_SECRET_KEY", run.Output, StringComparison.Ordinal);
        // The snippet's 15-day policy for jwt_secrets wins over the default 30 days.
        var due = new[] { firstDay, lastDay }.Select(day => $"JWT_SECRET_KEY is now version 2, due {day.AddDays(15):yyyy-MM-dd}");
        Assert.Contains(due, line => run.Output.Contains(line, StringComparison.Ordinal));
        Assert.Contains("Compliance score for staging: ", run.Output, StringComparison.Ordinal);

        Assert.True(File.Exists(workspace.StorePath("staging")));
        Assert.True(File.Exists(workspace.ComposeOverridePath("staging")));
        Assert.True(File.Exists(workspace.KubernetesManifestPath("staging")));
        Assert.NotEmpty(Directory.EnumerateFiles(workspace.KeyDirectory));
        var values = workspace.ReadEnvFile("staging");
        Assert.Equal(["JWT_SECRET_KEY", "JWT_SECRET_KEY__PREVIOUS", "POSTGRES_PASSWORD"], values.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(values["JWT_SECRET_KEY"], values["JWT_SECRET_KEY__PREVIOUS"]);
        SecretAssert.NotInText(run.Output, values, "the snippet's output");
    }

    private static string AppDll => Path.Combine("MyApp", "bin", "Debug", "net10.0", "MyApp.dll");

    /// <summary>
    /// <c>dotnet new console -n MyApp</c> referencing <paramref name="packageId"/> from the feed (the
    /// build package, or the library package), the snippet as its Program.cs, the snippet's schema beside it.
    /// </summary>
    private TestWorkspace NewConsoleApp(string name, ReadmeSnippet snippet, string packageId = BuildPackageId, string extraItems = "")
    {
        if (packageId == CorePackageId)
        {
            Assert.True(File.Exists(package.CorePackagePath));
        }

        var workspace = new TestWorkspace(package, name);
        // The hosting variables choose the environment at run time: none is inherited from the machine.
        workspace.Environment["DOTNET_ENVIRONMENT"] = string.Empty;
        workspace.Environment["ASPNETCORE_ENVIRONMENT"] = string.Empty;
        var created = workspace.DotNet("new", "console", "-n", "MyApp", "-o", "MyApp", "--no-restore");
        Assert.True(created.Succeeded, created.ToString());

        var projectPath = Path.Combine(workspace.Directory, "MyApp", "MyApp.csproj");
        var reference = $"""<PackageReference Include="{packageId}" Version="{package.Version}" />""";
        var project = File.ReadAllText(projectPath);
        Assert.Contains("<OutputType>Exe</OutputType>", project);
        File.WriteAllText(projectPath, project.Replace("</Project>", $"  <ItemGroup>{reference}{extraItems}</ItemGroup>\n</Project>"));
        File.WriteAllText(Path.Combine(workspace.Directory, "MyApp", "Program.cs"), snippet.Code);
        Assert.NotNull(snippet.Schema);
        workspace.WriteSchema(snippet.Schema);

        return workspace;
    }
}
