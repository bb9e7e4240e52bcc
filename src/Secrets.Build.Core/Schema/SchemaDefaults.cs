using System.Collections.Immutable;

namespace Secrets.Build.Core.Schema;

/// <summary>What a schema gets when it says nothing.</summary>
internal static class SchemaDefaults
{
    /// <summary>NIST SP 800-57's floor for a symmetric secret today.</summary>
    public const int MinimumEntropyBits = 128;

    /// <summary>The period for a category no policy names.</summary>
    public const int FallbackRotationDays = 90;

    /// <summary>Characters of a generated password when the schema gives no length.</summary>
    public const int PasswordLength = 32;

    /// <summary>Bytes of a generated random value (before encoding) when the schema gives no length.</summary>
    public const int RandomBytes = 32;

    /// <summary>Characters of a generated token when the schema gives no length.</summary>
    public const int TokenLength = 48;

    /// <summary>The environments of a schema that declares none.</summary>
    public static readonly ImmutableArray<string> Environments =
        ImmutableArray.Create("development", "staging", "production");

    /// <summary>The rotation period of each category when the schema sets none.</summary>
    public static readonly ImmutableArray<RotationPolicy> RotationPolicies = ImmutableArray.Create(
        new RotationPolicy("database_passwords", 90),
        new RotationPolicy("api_keys", 180),
        new RotationPolicy("jwt_secrets", 30),
        new RotationPolicy("encryption_keys", 365));
}
