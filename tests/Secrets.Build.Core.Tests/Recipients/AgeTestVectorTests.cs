using System.Security.Cryptography;
using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Tests.Recipients;

/// <summary>
/// The complete C2SP age test-vector suite against <see cref="AgeFile.Decrypt"/>. This reader
/// takes binary files for X25519 identities only, so two kinds of vector are checked as refusals
/// instead of by their verdict: armored files (the armor is refused as a header failure, its first
/// line not being the version line) and files for passphrase (scrypt) or post-quantum hybrid
/// identities only (never opened: no match, or a header failure where the generic header grammar
/// already fails).
/// </summary>
public sealed class AgeTestVectorTests
{
    private const string HybridIdentityPrefix = "AGE-SECRET-KEY-PQ-1";

    public static TheoryData<string> Vectors() => [.. AgeTestVectors.Names()];

    [AgeVectorFact]
    public void The_whole_suite_is_installed()
    {
        Assert.Null(AgeTestVectors.Missing());
        Assert.Equal(AgeTestVectors.ExpectedCount, AgeTestVectors.Names().Count());
    }

    [AgeVectorTheory]
    [MemberData(nameof(Vectors))]
    public void Each_vector_gets_the_verdict_the_spec_gives(string name)
    {
        var vector = AgeTestVectors.Read(name);
        var identities = ParseIdentities(vector);
        try
        {
            var result = AgeFile.Decrypt(vector.File, identities);

            Assert.Contains(result.Status, Accepted(vector, identities.Count));
            if (result.Status == AgeDecryptionStatus.Decrypted)
            {
                Assert.Equal(vector.PayloadSha256, Convert.ToHexStringLower(SHA256.HashData(result.Plaintext!)));
            }
            else
            {
                // All or nothing: a failed file releases no plaintext at all, so no partial payload
                // (which the kit's hash covers for streaming readers) ever reaches a caller.
                Assert.Null(result.Plaintext);
            }
        }
        finally
        {
            identities.ForEach(i => i.Dispose());
        }
    }

    private static AgeDecryptionStatus[] Accepted(AgeTestVector vector, int x25519Identities)
    {
        if (vector.Armored)
        {
            return [AgeDecryptionStatus.Malformed];
        }

        if (x25519Identities == 0 && (vector.HasPassphrase || vector.Identities.Count > 0))
        {
            return [AgeDecryptionStatus.NoMatchingIdentity, AgeDecryptionStatus.Malformed];
        }

        return vector.Expect switch
        {
            "success" => [AgeDecryptionStatus.Decrypted],
            "no match" => [AgeDecryptionStatus.NoMatchingIdentity],
            "HMAC failure" => [AgeDecryptionStatus.HeaderMacMismatch],
            "header failure" => [AgeDecryptionStatus.Malformed],
            "payload failure" => [AgeDecryptionStatus.PayloadFailed],
            var other => throw new InvalidDataException($"{vector.Name} expects '{other}', a verdict this test does not know."),
        };
    }

    /// <summary>The X25519 identities; only hybrid ones may be left out, so a valid X25519 identity is never silently dropped.</summary>
    private static List<AgeIdentity> ParseIdentities(AgeTestVector vector)
    {
        var identities = new List<AgeIdentity>();
        foreach (var text in vector.Identities)
        {
            if (AgeIdentity.TryParse(text, vector.Name, out var identity))
            {
                identities.Add(identity);
            }
            else
            {
                Assert.StartsWith(HybridIdentityPrefix, text, StringComparison.Ordinal);
            }
        }

        return identities;
    }
}
