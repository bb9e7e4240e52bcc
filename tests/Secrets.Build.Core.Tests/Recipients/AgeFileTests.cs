using System.Text;
using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Tests.Recipients;

public sealed class AgeFileTests
{
    // The header of the C2SP age test kit's "x25519" vector (github.com/FiloSottile/age testdata/testkit/x25519):
    // its identity unwraps the file key "YELLOW SUBMARINE" and the header MAC verifies under it.
    private const string KitIdentity = "AGE-SECRET-KEY-1XMWWC06LY3EE5RYTXM9MFLAZ2U56JJJ36S0MYPDRWSVLUL66MV4QX3S7F6";
    private const string KitRecipient = "age1w3tyke4gev25vaxxsvcgqu4484rf6ejpmavs57p6yz6lhy2sfs5swrvwyn"; // age-keygen -y
    private const string KitHeader =
        "age-encryption.org/v1\n" +
        "-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\n" +
        "EmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n" +
        "--- Vn+54jqiiUCE+WZcEVY3f1sqHjlu/z1LCQ/T7Xm7qI0\n";

    [Fact]
    public void Unwraps_the_file_key_of_the_age_test_kit_x25519_vector_and_verifies_its_header_MAC()
    {
        Assert.True(AgeIdentity.TryParse(KitIdentity, "kit", out var identity));
        Assert.Equal(KitRecipient, identity.Recipient.Text);
        var bytes = Encoding.ASCII.GetBytes(KitHeader);
        Assert.True(AgeHeader.TryParse(bytes, out var header, out var payloadOffset, out var problem), problem);
        Assert.Equal(bytes.Length, payloadOffset);

        var fileKey = AgeX25519.TryUnwrap(Assert.Single(header.Stanzas), identity, out var stanzaProblem);
        Assert.Null(stanzaProblem);
        Assert.Equal("YELLOW SUBMARINE", Encoding.ASCII.GetString(fileKey!));
        Assert.Equal(header.Mac, AgeHeader.ComputeMac(fileKey, header.MacedBytes));
    }

    [Fact]
    public void Writes_a_header_that_reads_back_byte_for_byte()
    {
        var fileKey = "YELLOW SUBMARINE"u8.ToArray();
        var stanzas = new[]
        {
            new AgeStanza("X25519", ["TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc"], Convert.FromBase64String("EmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U=")),
            // 48 bytes fill one 64-column line exactly, so an empty final line must follow.
            new AgeStanza("grease", ["a", "b"], new byte[48]),
        };
        var written = AgeHeader.Write(stanzas, fileKey);
        Assert.Contains("\n--- ", Encoding.ASCII.GetString(written), StringComparison.Ordinal);
        Assert.Contains("A\n\n", Encoding.ASCII.GetString(written), StringComparison.Ordinal);
        Assert.True(AgeHeader.TryParse(written, out var header, out _, out var problem), problem);
        Assert.Equal(2, header.Stanzas.Count);
        Assert.Equal(new byte[48], header.Stanzas[1].Body);
        Assert.Equal(header.Mac, AgeHeader.ComputeMac(fileKey, header.MacedBytes));
    }

    [Fact]
    public void Round_trips_to_several_recipients_and_each_can_decrypt()
    {
        using var alice = AgeIdentity.Generate();
        using var bob = AgeIdentity.Generate();
        using var eve = AgeIdentity.Generate();
        var plaintext = RandomBytes(32);
        var file = AgeFile.Encrypt(plaintext, [alice.Recipient, bob.Recipient]);

        Assert.Equal(plaintext, AgeFile.Decrypt(file, [alice]).Plaintext);
        var byBob = AgeFile.Decrypt(file, [eve, bob]);
        Assert.Equal(AgeDecryptionStatus.Decrypted, byBob.Status);
        Assert.Same(bob, byBob.Identity);
        Assert.Equal(AgeDecryptionStatus.NoMatchingIdentity, AgeFile.Decrypt(file, [eve]).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64 * 1024)]
    [InlineData(64 * 1024 + 1)]
    [InlineData(3 * 64 * 1024 + 5)]
    public void Chunks_payloads_of_any_length(int length)
    {
        using var identity = AgeIdentity.Generate();
        var plaintext = RandomBytes(length);
        var result = AgeFile.Decrypt(AgeFile.Encrypt(plaintext, [identity.Recipient]), [identity]);
        Assert.Equal(AgeDecryptionStatus.Decrypted, result.Status);
        Assert.Equal(plaintext, result.Plaintext);
    }

    [Fact]
    public void Detects_every_flipped_byte()
    {
        using var identity = AgeIdentity.Generate();
        var file = AgeFile.Encrypt(RandomBytes(32), [identity.Recipient]);
        for (var i = 0; i < file.Length; i++)
        {
            var damaged = (byte[])file.Clone();
            damaged[i] ^= 0x01;
            var result = AgeFile.Decrypt(damaged, [identity]);
            Assert.NotEqual(AgeDecryptionStatus.Decrypted, result.Status);
            Assert.Null(result.Plaintext);
        }
    }

    [Fact]
    public void Detects_a_truncated_payload()
    {
        using var identity = AgeIdentity.Generate();
        var file = AgeFile.Encrypt(RandomBytes(64 * 1024 + 10), [identity.Recipient]);
        Assert.Equal(AgeDecryptionStatus.PayloadFailed, AgeFile.Decrypt(file.AsSpan(0, file.Length - 26), [identity]).Status);
    }

    // The C2SP vectors stream_short_second_chunk and stream_trailing_garbage_short, for any length
    // below a tag: the reader once indexed past its buffer on these instead of refusing the payload.
    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    public void Refuses_a_last_chunk_shorter_than_a_tag(int lastChunkLength)
    {
        using var identity = AgeIdentity.Generate();
        var file = AgeFile.Encrypt(RandomBytes(64 * 1024 + 10), [identity.Recipient]);
        var cut = file.AsSpan(0, file.Length - 26 + lastChunkLength);

        var result = AgeFile.Decrypt(cut, [identity]);

        Assert.Equal(AgeDecryptionStatus.PayloadFailed, result.Status);
        Assert.Null(result.Plaintext);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(17)]
    public void Refuses_trailing_bytes_after_a_full_last_chunk(int garbage)
    {
        using var identity = AgeIdentity.Generate();
        var file = AgeFile.Encrypt(RandomBytes(64 * 1024), [identity.Recipient]);

        var result = AgeFile.Decrypt([.. file, .. RandomBytes(garbage)], [identity]);

        Assert.Equal(AgeDecryptionStatus.PayloadFailed, result.Status);
        Assert.Null(result.Plaintext);
    }

    [Fact]
    public void A_file_cut_off_inside_the_payload_nonce_is_malformed()
    {
        using var identity = AgeIdentity.Generate();
        var file = AgeFile.Encrypt(RandomBytes(8), [identity.Recipient]);

        Assert.Equal(AgeDecryptionStatus.Malformed, AgeFile.Decrypt(file.AsSpan(0, file.Length - 8 - 16 - 1), [identity]).Status);
    }

    [Theory]
    [InlineData("age-encryption.org/v2\n--- AAAA\n")]
    [InlineData("age-encryption.org/v1\r\n-> X25519 a\nb\n--- c\n")]
    [InlineData("age-encryption.org/v1\n-> X25519  x\nAAAA\n--- AAAA\n")]
    [InlineData("age-encryption.org/v1\n-> X25519 x\nAA==\n--- AAAA\n")]
    [InlineData("age-encryption.org/v1\n-> X25519 x\n")]
    public void Refuses_malformed_headers(string header) =>
        Assert.False(AgeHeader.TryParse(Encoding.ASCII.GetBytes(header), out _, out _, out _));

    private static byte[] RandomBytes(int length) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
}
