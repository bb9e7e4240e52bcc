namespace Secrets.Build.Generator.Model;

/// <summary>
/// What the emitter needs to know about one declared secret: never a value, never a
/// source position (so moving a declaration inside the file does not regenerate code).
/// </summary>
/// <param name="Name">The environment-variable name, e.g. <c>POSTGRES_PASSWORD</c>.</param>
/// <param name="PropertyName">The C# property name, e.g. <c>PostgresPassword</c>.</param>
/// <param name="Description">The schema's description; becomes XML docs.</param>
/// <param name="Category">The rotation category.</param>
/// <param name="Type">The C# type the value is read as.</param>
/// <param name="Encoding">How a <see cref="SecretType.Bytes"/> value is written as text.</param>
/// <param name="RotationDays">The rotation period that applies to it.</param>
/// <param name="IsExternal">True when the user supplies the value (never generated).</param>
/// <param name="GenerationSummary">A short human description of the rule, e.g. "password, 32 characters".</param>
internal sealed record SecretModel(
    string Name,
    string PropertyName,
    string Description,
    string Category,
    SecretType Type,
    TextEncoding Encoding,
    int RotationDays,
    bool IsExternal,
    string GenerationSummary);

/// <summary>The C# types a secret can be read as (mirrors the schema's value types).</summary>
internal enum SecretType
{
    String,
    Int,
    Bool,
    Uri,
    Bytes,
}

/// <summary>How a value is written in the environment: plain text, or one of the binary encodings.</summary>
internal enum TextEncoding
{
    Text,
    Hex,
    Base64,
    Base64Url,
}
