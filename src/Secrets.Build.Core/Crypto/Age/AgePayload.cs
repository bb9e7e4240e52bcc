using System.Buffers.Binary;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace Secrets.Build.Core.Crypto.Age;

/// <summary>
/// The age payload: a 16-byte nonce, then the plaintext in 64 KiB chunks, each sealed with
/// ChaCha20-Poly1305 under HKDF-SHA256(file key, salt = nonce, info "payload") and the nonce
/// (11-byte big-endian chunk counter ‖ 1 for the last chunk, 0 otherwise): the STREAM construction,
/// which detects reordered, dropped or truncated chunks.
/// </summary>
internal static class AgePayload
{
    public const int NonceSize = 16;
    private const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;

    public static byte[] Seal(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        using var key = PayloadKey(fileKey, nonce);
        var output = new List<byte>(NonceSize + plaintext.Length + TagSize * (plaintext.Length / ChunkSize + 1));
        output.AddRange(nonce);
        var counter = 0L;
        var offset = 0;
        do
        {
            var length = Math.Min(ChunkSize, plaintext.Length - offset);
            var last = offset + length == plaintext.Length;
            output.AddRange(AeadAlgorithm.ChaCha20Poly1305.Encrypt(key, ChunkNonce(counter++, last), ReadOnlySpan<byte>.Empty, plaintext.Slice(offset, length)));
            offset += length;
        }
        while (offset < plaintext.Length);

        return [.. output];
    }

    /// <summary>
    /// The plaintext, or null when any chunk fails authentication or the chunking is not canonical.
    /// <paramref name="payload"/> starts with the nonce; the caller checks that it is all there.
    /// </summary>
    public static byte[]? TryOpen(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> payload)
    {
        var sealedChunks = payload[NonceSize..];
        // The whole chunk layout is checked before anything is decrypted: every chunk but the last
        // is full, the last one holds at least a tag, and only an empty file has an empty chunk.
        const int FullChunk = ChunkSize + TagSize;
        var chunkCount = (sealedChunks.Length + FullChunk - 1) / FullChunk;
        var lastLength = sealedChunks.Length - ((chunkCount - 1) * FullChunk);
        if (chunkCount == 0 || lastLength < TagSize || (lastLength == TagSize && chunkCount > 1))
        {
            return null;
        }

        using var key = PayloadKey(fileKey, payload[..NonceSize]);
        var plaintext = new byte[sealedChunks.Length - (chunkCount * TagSize)];
        for (var counter = 0; counter < chunkCount; counter++)
        {
            var last = counter == chunkCount - 1;
            var chunk = sealedChunks.Slice(counter * FullChunk, last ? lastLength : FullChunk);
            if (!AeadAlgorithm.ChaCha20Poly1305.Decrypt(key, ChunkNonce(counter, last), ReadOnlySpan<byte>.Empty, chunk, plaintext.AsSpan(counter * ChunkSize, chunk.Length - TagSize)))
            {
                CryptographicOperations.ZeroMemory(plaintext);
                return null;
            }
        }

        return plaintext;
    }

    private static Key PayloadKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> nonce)
    {
        var bytes = Crypto.KeyDerivation.Hkdf(fileKey, nonce, "payload", 32);
        try
        {
            return Key.Import(AeadAlgorithm.ChaCha20Poly1305, bytes, KeyBlobFormat.RawSymmetricKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static byte[] ChunkNonce(long counter, bool last)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }
}
