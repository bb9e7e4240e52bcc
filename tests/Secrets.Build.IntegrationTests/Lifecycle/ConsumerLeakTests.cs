using System.Text;
using Secrets.Build.IntegrationTests.Infrastructure;

namespace Secrets.Build.IntegrationTests.Lifecycle;

/// <summary>
/// Issue 4: a consumer that uses AppSecrets is built with the package; not one value of its
/// <c>.env</c> may appear in any file of its bin/ or obj/ folders, in the binary log or in the
/// build's console output.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerLeakTests(PackageFixture package)
{
    [Fact]
    public void No_value_of_the_env_file_appears_in_bin_obj_the_binary_log_or_the_console()
    {
        var template = ProvisionedTemplate.For(package);
        var values = template.Workspace.ReadEnvFile();
        Assert.True(values.Count(pair => pair.Value.Length >= 12) == TestSchemas.GeneratedNames.Length + 1,
            "The template's .env should hold every generated value and the captured external one; the scan would prove less.");

        var projectDirectory = Path.GetDirectoryName(template.Project)!;
        var files = new[] { "bin", "obj" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(projectDirectory, folder), "*", SearchOption.AllDirectories))
            .ToList();
        Assert.Contains(files, file => file.EndsWith("App.dll", StringComparison.Ordinal));
        Assert.Contains(files, file => file.EndsWith(".stamp", StringComparison.Ordinal));
        foreach (var file in files)
        {
            // Latin-1 maps every byte to one char, so a UTF-8 or ASCII value is found in any file, binary or not.
            var text = File.ReadAllText(file, Encoding.Latin1);
            SecretAssert.NotInText(text, values, Path.GetRelativePath(projectDirectory, file));
            SecretAssert.NotInText(Encoding.Unicode.GetString(File.ReadAllBytes(file)), values, Path.GetRelativePath(projectDirectory, file) + " (as UTF-16)");
        }

        SecretAssert.NotInBinaryLog(template.BinaryLog, values);
        SecretAssert.NotInText(template.BuildResult.Output, values, "the build's console output");
    }
}
