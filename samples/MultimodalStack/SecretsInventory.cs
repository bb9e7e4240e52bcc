/// <summary>Reads a docker-compose style .env file and masks values for display.</summary>
internal static class SecretsInventory
{
    public static IReadOnlyList<(string Name, string Value)> Read(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0].Trim(), Unquote(parts[1].Trim())))
            .ToList();

    /// <summary>Shows only whether a value is set and how long it is.</summary>
    public static string Mask(string value) =>
        value.Length == 0 ? "(empty: set it in your environment)" : $"{new string('*', 8)} ({value.Length} chars)";

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
