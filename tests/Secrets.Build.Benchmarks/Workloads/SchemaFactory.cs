using System.Text;

namespace Secrets.Build.Benchmarks.Workloads;

/// <summary>
/// The schemas the benchmarks run on: the reference stack's own for 21 secrets, and for larger
/// counts a schema that repeats the sample's mix of kinds so only the count changes.
/// </summary>
internal static class SchemaFactory
{
    /// <summary>The count that means "the sample schema as it is".</summary>
    public const int SampleCount = 21;

    // The generation rules the sample uses, in rotation: passwords, hex, base64, base64url and a prefixed token.
    private static readonly string[] Rules =
    [
        """{ "kind": "password", "length": 32 }""",
        """{ "kind": "hex", "bytes": 32 }""",
        """{ "kind": "base64", "bytes": 32 }""",
        """{ "kind": "password", "length": 40, "maxLength": 40 }""",
        """{ "kind": "base64url", "bytes": 64 }""",
        """{ "kind": "token", "prefix": "sk-", "length": 48 }""",
    ];

    private static readonly string[] Categories = ["database_passwords", "api_keys", "jwt_secrets", "encryption_keys"];

    public static string TextFor(int count) =>
        count == SampleCount ? File.ReadAllText(RepositoryPaths.SampleSchema) : Synthetic(count);

    /// <summary>A valid schema with <paramref name="count"/> generated secrets, each used by one of ten services.</summary>
    public static string Synthetic(int count)
    {
        var text = new StringBuilder(count * 200);
        text.Append("""
            {
              "version": 1,
              "project": "benchmark-stack",
              "environments": ["development", "staging", "production"],
              "rotationPolicies": { "database_passwords": 90, "api_keys": 180, "jwt_secrets": 30, "encryption_keys": 365 },
              "secrets": {
            """);
        for (var i = 0; i < count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n")
                .Append("    \"SERVICE_SECRET_").Append(i.ToString("D5")).Append("\": {")
                .Append(" \"description\": \"Benchmark secret ").Append(i).Append(".\",")
                .Append(" \"category\": \"").Append(Categories[i % Categories.Length]).Append("\",")
                .Append(" \"generate\": ").Append(Rules[i % Rules.Length]).Append(',')
                .Append(" \"services\": [\"service-").Append(i % 10).Append("\"] }");
        }

        text.Append("\n  }\n}\n");
        return text.ToString();
    }
}
