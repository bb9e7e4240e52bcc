using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Runtime;

/// <summary>
/// Where AppSecrets looks for <c>.env.&lt;environment&gt;</c>: the base directory and the folders
/// above it, then the current directory and the folders above it, then the workspace the build
/// recorded beside the assembly; a miss lists every folder.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvFileSearchTests
{
    private static readonly string[] Variables = { "DB_PASSWORD" };

    private static string WorkspaceRecord => LoadedAppSecrets.AssemblyName + ".secrets-workspace";

    [Fact]
    public void Finds_the_file_above_the_current_directory_when_none_is_above_the_base_directory()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var root = scope.CreateFolder();
        var nested = Directory.CreateDirectory(Path.Combine(root, "src", "App")).FullName;
        var file = scope.WriteEnvFile("DB_PASSWORD=from-current-directory\n", root);
        scope.ChangeCurrentDirectory(nested);
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("from-current-directory", secrets.Get("DbPassword"));
        Assert.Equal(file, Source(secrets, 0));
    }

    [Fact]
    public void The_base_directory_wins_over_the_current_directory()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var elsewhere = scope.CreateFolder();
        scope.WriteEnvFile("DB_PASSWORD=from-current-directory\n", elsewhere);
        scope.WriteEnvFile("DB_PASSWORD=from-base-directory\n");
        scope.ChangeCurrentDirectory(elsewhere);
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("from-base-directory", secrets.Get("DbPassword"));
    }

    [Fact]
    public void Finds_the_file_in_the_workspace_the_build_recorded_beside_the_assembly()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var workspace = scope.CreateFolder();
        var file = scope.WriteEnvFile("DB_PASSWORD=from-recorded-workspace\n", workspace);
        scope.WriteFile(WorkspaceRecord, workspace + Path.DirectorySeparatorChar + "\n");
        scope.ChangeCurrentDirectory(scope.CreateFolder());
        using var secrets = new LoadedAppSecrets();

        Assert.Equal("from-recorded-workspace", secrets.Get("DbPassword"));
        Assert.Equal(file, Source(secrets, 0));
    }

    [Fact]
    public void A_miss_lists_every_folder_it_looked_in_once_in_order()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        var current = scope.CreateFolder();
        var workspace = scope.CreateFolder();
        scope.WriteFile(WorkspaceRecord, workspace + "\n");
        scope.ChangeCurrentDirectory(current);
        using var secrets = new LoadedAppSecrets();

        var error = Assert.ThrowsAny<InvalidOperationException>(() => secrets.Get("DbPassword"));

        var baseDirectory = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var expected = Ancestors(baseDirectory).Concat(Ancestors(current)).Append(workspace).Distinct().ToList();
        Assert.Contains("no " + scope.FileName + " file in any folder looked in: " + string.Join(", ", expected) + ".", error.Message);
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var directory = new DirectoryInfo(folder); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName.Length > 1 ? directory.FullName.TrimEnd(Path.DirectorySeparatorChar) : directory.FullName;
        }
    }

    private static object? Source(LoadedAppSecrets secrets, int index)
    {
        var status = ((System.Collections.IEnumerable)secrets.Call("Inspect")!).Cast<object>().ElementAt(index);
        return status.GetType().GetProperty("Source")!.GetValue(status);
    }
}
