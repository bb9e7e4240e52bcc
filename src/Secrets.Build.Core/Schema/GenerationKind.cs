namespace Secrets.Build.Core.Schema;

/// <summary>How a secret's value comes to be.</summary>
internal enum GenerationKind
{
    /// <summary><c>length</c> characters drawn uniformly from <c>alphabet</c>.</summary>
    Password,
    /// <summary><c>bytes</c> random bytes as lower-case hex (2 characters per byte).</summary>
    Hex,
    /// <summary><c>bytes</c> random bytes as padded standard base64.</summary>
    Base64,
    /// <summary><c>bytes</c> random bytes as unpadded base64url (RFC 4648 section 5).</summary>
    Base64Url,
    /// <summary><c>prefix</c> followed by <c>length</c> characters drawn from <c>alphabet</c> (e.g. LiteLLM's <c>sk-</c> keys).</summary>
    Token,
    /// <summary>A random (version 4) UUID: 122 bits.</summary>
    Uuid,
    /// <summary>Supplied by the user (an API key they own); never generated.</summary>
    External,
}
