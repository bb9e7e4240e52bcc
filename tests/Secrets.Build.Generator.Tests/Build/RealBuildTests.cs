using System.Diagnostics;
using System.Text;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Build;

/// <summary>
/// A real <c>dotnet build</c> of a consumer project that loads the generator the way the package
/// will: as an analyzer, with the schema marked by item metadata made visible through the
/// generator's .props. Then the built app runs and reads its secret from the .env file.
/// </summary>
public sealed class RealBuildTests : IDisposable
{
    private const string Value = "Real-Build-Sentinel-7d1e0b";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "appsecrets-build-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void A_consumer_project_builds_with_warnings_as_errors_and_reads_its_secret_at_run_time()
    {
        Directory.CreateDirectory(directory);
        var generator = typeof(AppSecretsGenerator).Assembly.Location;
        var props = Path.Combine(TestPaths.RepositoryRoot, "src", "Secrets.Build.Generator", "build", "Secrets.Build.Generator.props");
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{props}" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <RootNamespace>Contoso.Consumer</RootNamespace>
                <SecretsEnvironment>staging</SecretsEnvironment>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{generator}" />
                <AdditionalFiles Include="secrets.schema.json" SecretsSchema="true" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "secrets.schema.json"), """
            {
              "version": 1,
              "project": "consumer",
              "secrets": {
                "API_TOKEN": { "description": "Token for the API.", "category": "api_keys", "generate": { "kind": "hex", "bytes": 32 } }
              }
            }
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            Contoso.Consumer.AppSecrets.Validate();
            System.Console.WriteLine(Contoso.Consumer.AppSecrets.Environment + ":" + Contoso.Consumer.AppSecrets.ApiToken.Length);
            """);
        // Written before the build, so the scan below would find the value if the build copied it anywhere.
        File.WriteAllText(Path.Combine(directory, ".env.staging"), "API_TOKEN=" + Value + "\n");

        var build = Run("dotnet", "build -nologo -v:q -nodeReuse:false -p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, build.Output);

        var app = Directory.GetFiles(Path.Combine(directory, "bin"), "Consumer.dll", SearchOption.AllDirectories).Single();
        var run = Run("dotnet", $"\"{app}\"");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("staging:" + Value.Length, run.Output.Trim());

        foreach (var file in Directory.GetFiles(Path.Combine(directory, "bin"), "*", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(Path.Combine(directory, "obj"), "*", SearchOption.AllDirectories)))
        {
            Assert.False(File.ReadAllText(file, Encoding.Latin1).Contains(Value), $"The secret value is in {file}.");
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private (int ExitCode, string Output) Run(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The test host's MSBuild and SDK variables would steer the nested build; SECRETS_* would steer the app.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("SECRETS_", StringComparison.OrdinalIgnoreCase)
                || key is "API_TOKEN" or "DOTNET_HOST_PATH")
            {
                start.Environment.Remove(key);
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
