using System.Collections;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Copies the process's environment variables into a dictionary. Key lookup takes such a
/// dictionary rather than reading the process, so tests and build tasks decide what it sees.
/// </summary>
internal static class EnvironmentSnapshot
{
    /// <summary>The current process's variables; names compare case-insensitively on Windows, as Windows does.</summary>
    public static IReadOnlyDictionary<string, string> FromProcess()
    {
        var comparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var variables = new Dictionary<string, string>(comparer);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && entry.Value is string value)
            {
                variables[name] = value;
            }
        }

        return variables;
    }
}
