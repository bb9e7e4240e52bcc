using Secrets.Build.Generator.Model;

namespace Secrets.Build.Generator.Tests.Support;

/// <summary>Hand-built models: one secret of every type and encoding, and text that needs escaping.</summary>
internal static class TestModels
{
    public static AppSecretsModel Sample(string rootNamespace = "Contoso.Shop", string environment = "development", bool isPublic = false) => new(
        rootNamespace,
        environment,
        "secrets.schema.json",
        new[]
        {
            new SecretModel("DB_PASSWORD", "DbPassword", "Database password.", "database_passwords", SecretType.String, TextEncoding.Text, 90, false, "a password of 32 characters"),
            new SecretModel("DB_PORT", "DbPort", "Port the database listens on.", "settings", SecretType.Int, TextEncoding.Text, 90, true, "supplied by you (external, never generated)"),
            new SecretModel("FEATURE_ENABLED", "FeatureEnabled", "Turns the <beta> feature on & off.", "settings", SecretType.Bool, TextEncoding.Text, 90, true, "supplied by you (external, never generated)"),
            new SecretModel("SERVICE_URL", "ServiceUrl", "Where the \"billing\" service lives \\ backslash.", "settings", SecretType.Uri, TextEncoding.Text, 90, true, "supplied by you (external, never generated)"),
            new SecretModel("SESSION_KEY", "SessionKey", "Session signing key.", "jwt_secrets", SecretType.Bytes, TextEncoding.Hex, 30, false, "32 random bytes as hex"),
            new SecretModel("ENCRYPTION_KEY", "EncryptionKey", "256-bit data key.", "encryption_keys", SecretType.Bytes, TextEncoding.Base64, 365, false, "32 random bytes as base64"),
            new SecretModel("JWT_KEY", "JwtKey", "JWT HMAC key.", "jwt_secrets", SecretType.Bytes, TextEncoding.Base64Url, 30, false, "64 random bytes as base64url"),
            new SecretModel("OPENAI_API_KEY", "OpenaiApiKey", "OpenAI API key, supplied by you.", "api_keys", SecretType.String, TextEncoding.Text, 180, true, "supplied by you (external, never generated)"),
        }.ToEquatableArray(),
        new[] { "development", "staging", "production" }.ToEquatableArray(),
        isPublic);

    /// <summary>
    /// A schema with short environment names and a secret whose name holds the section separator
    /// <c>__</c>: what the .NET hosting and configuration conventions are mapped onto.
    /// </summary>
    public static AppSecretsModel Conventions() => new(
        "Contoso.Shop",
        "dev",
        "secrets.schema.json",
        new[]
        {
            new SecretModel("DB_PASSWORD", "DbPassword", "Database password.", "database_passwords", SecretType.String, TextEncoding.Text, 90, false, "a password of 32 characters"),
            new SecretModel("CONNECTIONSTRINGS__DEFAULT", "ConnectionstringsDefault", "The main connection string.", "database_passwords", SecretType.String, TextEncoding.Text, 90, true, "supplied by you (external, never generated)"),
        }.ToEquatableArray(),
        new[] { "dev", "prod", "qa" }.ToEquatableArray());
}
