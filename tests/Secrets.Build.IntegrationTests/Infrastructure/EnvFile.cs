namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>Reads docker-compose <c>.env</c> syntax: <c>NAME=value</c>, optional quotes, # comments.</summary>
internal static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[line[..equals].Trim()] = value;
        }

        return values;
    }
}
