namespace Secrets.Build.IntegrationTests.Infrastructure;

/// <summary>Schemas the test projects provision: small, but one of every kind the build handles.</summary>
internal static class TestSchemas
{
    /// <summary>The external secret: its value comes from the build's environment variable of the same name.</summary>
    public const string ExternalName = "PAYMENT_API_KEY";

    /// <summary>The names <see cref="Small"/> generates on a first build.</summary>
    public static readonly string[] GeneratedNames = ["DATABASE_PASSWORD", "CACHE_TOKEN", "SIGNING_KEY"];

    public const string Small = """
        {
          "version": 1,
          "project": "integration-app",
          "environments": ["development", "staging", "production"],
          "rotationPolicies": { "database_passwords": 90, "api_keys": 180 },
          "secrets": {
            "DATABASE_PASSWORD": {
              "description": "Database password.",
              "category": "database_passwords",
              "generate": { "kind": "password", "length": 32 },
              "services": ["db", "api"]
            },
            "CACHE_TOKEN": {
              "description": "Cache access token.",
              "category": "api_keys",
              "generate": { "kind": "hex", "bytes": 32 },
              "services": ["cache"]
            },
            "SIGNING_KEY": {
              "description": "Token signing key.",
              "category": "api_keys",
              "generate": { "kind": "base64url", "bytes": 48 },
              "services": ["api"]
            },
            "PAYMENT_API_KEY": {
              "description": "Payment provider key, supplied by you.",
              "category": "api_keys",
              "external": true,
              "services": ["api"]
            }
          }
        }
        """;
}
