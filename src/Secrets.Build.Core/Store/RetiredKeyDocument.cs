using System.Text.Json.Serialization;

namespace Secrets.Build.Core.Store;

/// <summary>
/// One key a key rotation took away (an entry of the store's <c>retiredKeys</c>): which key, when,
/// and the audit chain key of the data key it used to open, encrypted under the current data key so
/// trail lines written before the rotation still verify.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed class RetiredKeyDocument
{
    [JsonPropertyName("kind")] public required string Kind { get; init; }
    [JsonPropertyName("keyId")] public required string KeyId { get; init; }
    [JsonPropertyName("retiredAt")] public required string RetiredAt { get; init; }
    [JsonPropertyName("nonce")] public required string Nonce { get; init; }
    [JsonPropertyName("auditChainKey")] public required string AuditChainKey { get; init; }
}
