namespace Secrets.Build.Core.Store;

/// <summary>
/// One key a key rotation took away (an entry of the store's <c>retiredKeys</c>): which key, when,
/// and the audit chain key of the data key it used to open, encrypted under the current data key so
/// trail lines written before the rotation still verify.
/// </summary>
internal sealed class RetiredKeyDocument
{
    public required string Kind { get; init; }
    public required string KeyId { get; init; }
    public required string RetiredAt { get; init; }
    public required string Nonce { get; init; }
    public required string AuditChainKey { get; init; }
}
