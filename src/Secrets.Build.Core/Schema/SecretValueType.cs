namespace Secrets.Build.Core.Schema;

/// <summary>The C# type a secret is read as. Values are always stored as text.</summary>
internal enum SecretValueType
{
    /// <summary><c>string</c>.</summary>
    String,
    /// <summary><c>int</c>, invariant culture.</summary>
    Int,
    /// <summary><c>bool</c>: <c>true</c> or <c>false</c>.</summary>
    Bool,
    /// <summary><c>System.Uri</c>, absolute.</summary>
    Uri,
    /// <summary><c>byte[]</c>, written as hex, base64 or base64url text by its generation rule.</summary>
    Bytes,
}
