namespace Secrets.Build.Core.Audit;

/// <summary>
/// The chain fields of one parsed trail line. <see cref="SignedBytes"/> is what the MAC
/// covers: the line's JSON object without its final <c>mac</c> member.
/// </summary>
internal sealed record AuditLine(long Sequence, string KeyId, byte[]? Previous, byte[] Mac, byte[] SignedBytes);
