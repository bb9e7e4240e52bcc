namespace Secrets.Build.Core.Schema;

/// <summary>
/// The field names each kind of schema object accepts, in the order diagnostics list them.
/// In one class so they are initialized together, before the name table built from them.
/// </summary>
internal static class SchemaFields
{
    public static readonly string[] Root =
    {
        "$schema", "version", "project", "environments", "minimumEntropyBits", "rotationPolicies", "secrets",
    };

    public static readonly string[] Secret =
    {
        "description", "category", "type", "generate", "external", "services", "rotationDays",
    };

    /// <summary>Fields every generation rule accepts.</summary>
    public static readonly string[] CommonRule = { "kind", "minLength", "maxLength", "minimumEntropyBits" };

    /// <summary>Fields of password rules (common ones first).</summary>
    public static readonly string[] PasswordRule = { "kind", "minLength", "maxLength", "minimumEntropyBits", "length", "alphabet" };

    /// <summary>Fields of token rules (common ones first).</summary>
    public static readonly string[] TokenRule = { "kind", "minLength", "maxLength", "minimumEntropyBits", "prefix", "length", "alphabet" };

    /// <summary>Fields of hex and base64 rules (common ones first).</summary>
    public static readonly string[] BytesRule = { "kind", "minLength", "maxLength", "minimumEntropyBits", "bytes" };
}
