using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests;

/// <summary>
/// Projects that reference each other: two that both use the package, and a test project in a
/// sibling folder that runs the app's code, which reads the app's <c>.env.development</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ProjectReferenceTests(PackageFixture package)
{
    private const string ConfigurationPackage = """<PackageReference Include="Microsoft.Extensions.Configuration" Version="8.0.0" />""";

    [Fact]
    public void Two_projects_using_the_package_one_referencing_the_other_build_and_run_each_with_its_own_AppSecrets()
    {
        var workspace = NewWorkspace("two-projects");
        workspace.WriteSchema();
        WriteProject(workspace, "Lib", "Library", ConfigurationPackage, """
            namespace Lib;

            public static class LibSecrets
            {
                public static int Count => AppSecrets.Descriptors.Count;
            }
            """);
        // Both namespaces imported and AddAppSecrets called: CS0104 and CS0121 when both are public.
        WriteProject(workspace, "App", "Exe", ConfigurationPackage + """<ProjectReference Include="../Lib/Lib.csproj" />""", """
            using App;
            using Lib;
            using Microsoft.Extensions.Configuration;

            var configuration = new ConfigurationBuilder().AddAppSecrets().Build();
            System.Console.WriteLine($"app {AppSecrets.Descriptors.Count}, lib {LibSecrets.Count}, configured {configuration["DATABASE_PASSWORD"] is not null}");
            """);

        var build = workspace.Build("App/App.csproj");
        Assert.True(build.Succeeded, build.ToString());
        var run = workspace.DotNet(Path.Combine("App", "bin", "Debug", "net10.0", "App.dll"));
        Assert.True(run.Succeeded, run.ToString());
        Assert.Contains("app 4, lib 4, configured True", run.Output);
        var libraryAssembly = Path.Combine(workspace.Directory, "Lib", "bin", "Debug", "net10.0", "Lib.dll");
        Assert.Equal(TypeAttributes.NotPublic, Visibility(libraryAssembly, "Lib", "AppSecrets"));
        Assert.Equal(TypeAttributes.NotPublic, Visibility(libraryAssembly, "Lib", "AppSecretsConfigurationExtensions"));

        var opted = workspace.Build("Lib/Lib.csproj", "-p:SecretsGeneratedAccessibility=public");
        Assert.True(opted.Succeeded, opted.ToString());
        Assert.Equal(TypeAttributes.Public, Visibility(libraryAssembly, "Lib", "AppSecrets"));
        Assert.Equal(TypeAttributes.Public, Visibility(libraryAssembly, "Lib", "AppSecretsConfigurationExtensions"));
    }

    [Fact]
    public void A_test_project_in_a_sibling_folder_reads_the_apps_env_file_and_lists_every_folder_without_the_record()
    {
        var workspace = NewWorkspace("sibling-tests");
        var appDirectory = Directory.CreateDirectory(Path.Combine(workspace.Directory, "App")).FullName;
        // The schema in the app's folder: .env.development is written there, in no folder above the test project.
        File.WriteAllText(Path.Combine(appDirectory, "secrets.schema.json"), TestSchemas.Small);
        WriteProject(workspace, "App", "Library", string.Empty, """
            namespace App;

            public static class SecretProbe
            {
                public static int DatabasePasswordLength => AppSecrets.DatabasePassword.Length;
            }
            """);
        WriteProject(workspace, "App.Tests", "Library", """
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
            <ProjectReference Include="../App/App.csproj" />
            """, """
            namespace App.Tests;

            public sealed class SecretProbeTests
            {
                [Xunit.Fact]
                public void Reads_the_database_password() => Xunit.Assert.Equal(32, SecretProbe.DatabasePasswordLength);
            }
            """, referencePackage: false);

        var test = workspace.DotNet("test", "App.Tests/App.Tests.csproj", "-nodeReuse:false");

        Assert.True(test.Succeeded, test.ToString());
        Assert.Contains("Passed!", test.Output);
        Assert.True(File.Exists(Path.Combine(appDirectory, ".env.development")));
        Assert.False(File.Exists(workspace.EnvFilePath()));
        var testOutput = Path.Combine(workspace.Directory, "App.Tests", "bin", "Debug", "net10.0");
        var record = Path.Combine(testOutput, "App.secrets-workspace");
        Assert.Equal(appDirectory.TrimEnd('/') + "/", File.ReadAllText(record).Trim());

        File.Delete(record);
        var withoutRecord = workspace.DotNet("test", "App.Tests/App.Tests.csproj", "--no-build");

        Assert.False(withoutRecord.Succeeded, withoutRecord.ToString());
        Assert.Contains("no .env.development file in any folder looked in: " + testOutput + ", " + Path.GetDirectoryName(testOutput) + ", ", withoutRecord.Output);
    }

    [Fact]
    public void The_workspace_record_is_not_published()
    {
        var workspace = NewWorkspace("record-publish");
        workspace.WriteSchema();
        var project = workspace.AddProject("App");
        var publishDirectory = Path.Combine(workspace.Directory, "publish");

        var publish = workspace.DotNet("publish", project, "-o", publishDirectory, "-nodeReuse:false");

        Assert.True(publish.Succeeded, publish.ToString());
        Assert.True(File.Exists(Path.Combine(workspace.Directory, "App", "bin", "Release", "net10.0", "App.secrets-workspace")));
        Assert.True(File.Exists(Path.Combine(publishDirectory, "App.dll")));
        Assert.Empty(Directory.GetFiles(publishDirectory, "*.secrets-workspace"));
    }

    private TestWorkspace NewWorkspace(string name)
    {
        var workspace = new TestWorkspace(package, name);
        workspace.Environment["DOTNET_ENVIRONMENT"] = string.Empty;
        workspace.Environment["ASPNETCORE_ENVIRONMENT"] = string.Empty;
        // The schema's external secret, so no build warns that it is missing.
        workspace.Environment[TestSchemas.ExternalName] = "pay-external-5d0c2e91";
        return workspace;
    }

    private void WriteProject(TestWorkspace workspace, string name, string outputType, string items, string code, bool referencePackage = true)
    {
        var directory = Directory.CreateDirectory(Path.Combine(workspace.Directory, name)).FullName;
        var reference = referencePackage ? $"""<PackageReference Include="Secrets.Build" Version="{package.Version}" />""" : string.Empty;
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>{outputType}</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {reference}
                {items}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Code.cs"), code);
    }

    /// <summary>The visibility of a top-level type, read from the assembly's metadata without loading it.</summary>
    private static TypeAttributes Visibility(string assemblyPath, string @namespace, string name)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        var type = metadata.TypeDefinitions
            .Select(metadata.GetTypeDefinition)
            .Single(t => metadata.GetString(t.Namespace) == @namespace && metadata.GetString(t.Name) == name);
        return type.Attributes & TypeAttributes.VisibilityMask;
    }
}
