namespace Secrets.Build.Generator.Tests.Support;

/// <summary>
/// Sets process environment variables and writes <c>.env.&lt;environment&gt;</c> files for one
/// test, under an environment name no other test uses, and undoes all of it on dispose.
/// </summary>
internal sealed class SecretsEnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> saved = new(StringComparer.Ordinal);
    private readonly List<string> files = new();
    private readonly List<string> folders = new();
    private string? savedCurrentDirectory;

    public SecretsEnvironmentScope(IEnumerable<string> variablesToClear)
    {
        Name = "test" + Guid.NewGuid().ToString("N")[..12];
        Set("SECRETS_ENVIRONMENT", Name);
        // The hosting variables choose the environment when SECRETS_ENVIRONMENT is unset: never inherited.
        Set("ASPNETCORE_ENVIRONMENT", null);
        Set("DOTNET_ENVIRONMENT", null);
        foreach (var variable in variablesToClear)
        {
            Set(variable, null);
        }
    }

    /// <summary>The unique environment name, already in <c>SECRETS_ENVIRONMENT</c>.</summary>
    public string Name { get; }

    public string FileName => ".env." + Name;

    public void Set(string variable, string? value)
    {
        if (!saved.ContainsKey(variable))
        {
            saved[variable] = Environment.GetEnvironmentVariable(variable);
        }

        Environment.SetEnvironmentVariable(variable, value);
    }

    /// <summary>Writes the .env file in <paramref name="directory"/> (default: the application's base directory).</summary>
    public string WriteEnvFile(string content, string? directory = null) => WriteFile(FileName, content, directory);

    /// <summary>Writes any file (another environment's .env, the build's workspace record), removed on dispose.</summary>
    public string WriteFile(string fileName, string content, string? directory = null)
    {
        var path = Path.Combine(directory ?? AppContext.BaseDirectory, fileName);
        File.WriteAllText(path, content);
        files.Add(path);
        return path;
    }

    /// <summary>A new empty folder, deleted with everything in it on dispose.</summary>
    public string CreateFolder()
    {
        var path = Directory.CreateTempSubdirectory("appsecrets-scope-").FullName;
        folders.Add(path);
        return path;
    }

    /// <summary>Changes the process's current directory until dispose.</summary>
    public void ChangeCurrentDirectory(string directory)
    {
        savedCurrentDirectory ??= Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(directory);
    }

    public void Dispose()
    {
        if (savedCurrentDirectory is not null)
        {
            Directory.SetCurrentDirectory(savedCurrentDirectory);
        }

        foreach (var file in files)
        {
            File.Delete(file);
        }

        foreach (var folder in folders)
        {
            Directory.Delete(folder, recursive: true);
        }

        foreach (var (variable, value) in saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
