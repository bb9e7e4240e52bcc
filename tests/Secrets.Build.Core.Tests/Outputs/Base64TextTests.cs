using System.Text;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Tests.Outputs;

/// <summary>The Kubernetes Secret's own base64 encoder against the framework's.</summary>
public sealed class Base64TextTests
{
    [Fact]
    public void Encodes_every_length_and_byte_as_Convert_does()
    {
        var random = new Random(8);
        for (var length = 0; length < 200; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            if (length == 3)
            {
                bytes = [0xFF, 0xFE, 0x00];
            }

            var encoded = new byte[Base64Text.EncodedLength(length)];
            var written = Base64Text.Encode(bytes, encoded);

            Assert.Equal(Convert.ToBase64String(bytes), Encoding.ASCII.GetString(encoded, 0, written));
        }
    }
}
