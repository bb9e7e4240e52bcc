using System.Text.Json.Nodes;

namespace Secrets.Build.Tool.Init;

/// <summary>
/// Guesses a rotation category from a variable's name (the schema's default policies:
/// database_passwords 90 days, api_keys 180, jwt_secrets 30, encryption_keys 365). A wrong guess
/// only changes a reminder's date, and the written schema is there to correct.
/// </summary>
internal static class CategoryGuess
{
    public static string For(string name)
    {
        var upper = name.ToUpperInvariant();
        if (upper.Contains("JWT", StringComparison.Ordinal) || upper.Contains("SESSION", StringComparison.Ordinal) || upper.Contains("SIGNING", StringComparison.Ordinal))
        {
            return "jwt_secrets";
        }

        if (upper.Contains("ENCRYPTION", StringComparison.Ordinal) || upper.Contains("MASTER_KEY", StringComparison.Ordinal) || upper.EndsWith("_ENC_KEY", StringComparison.Ordinal))
        {
            return "encryption_keys";
        }

        if (upper.Contains("PASSWORD", StringComparison.Ordinal) || upper.Contains("PASSWD", StringComparison.Ordinal) || upper.EndsWith("_PASS", StringComparison.Ordinal))
        {
            return "database_passwords";
        }

        return "api_keys";
    }

    /// <summary>The generation rule for a category's new values, or null for values a provider issues (API keys).</summary>
    public static JsonObject? RuleFor(string category) => category switch
    {
        "database_passwords" => new JsonObject { ["kind"] = "password", ["length"] = 32 },
        "jwt_secrets" => new JsonObject { ["kind"] = "base64", ["bytes"] = 64 },
        "encryption_keys" => new JsonObject { ["kind"] = "base64", ["bytes"] = 32 },
        _ => null,
    };
}
