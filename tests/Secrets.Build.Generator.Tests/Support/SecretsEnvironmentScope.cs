namespace Secrets.Build.Generator.Tests.Support;

/// <summary>
/// Sets process environment variables and writes <c>.env.&lt;environment&gt;</c> files for one
/// test, under an environment name no other test uses, and undoes all of it on dispose.
/// </summary>
internal sealed class SecretsEnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> saved = new(StringComparer.Ordinal);
    private readonly List<string> files = new();

    public SecretsEnvironmentScope(IEnumerable<string> variablesToClear)
    {
        Name = "test" + Guid.NewGuid().ToString("N")[..12];
        Set("SECRETS_ENVIRONMENT", Name);
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
    public string WriteEnvFile(string content, string? directory = null)
    {
        var path = Path.Combine(directory ?? AppContext.BaseDirectory, FileName);
        File.WriteAllText(path, content);
        files.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var file in files)
        {
            File.Delete(file);
        }

        foreach (var (variable, value) in saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
