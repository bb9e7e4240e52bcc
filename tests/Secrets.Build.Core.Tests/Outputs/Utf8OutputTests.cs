using System.Text;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Tests.Outputs;

/// <summary>The buffer outputs are rendered into: exact UTF-8, growth, and wiping of what it held.</summary>
public sealed class Utf8OutputTests
{
    [Fact]
    public void Writes_the_same_bytes_as_encoding_the_text_across_growth()
    {
        var expected = new StringBuilder();
        using var output = new Utf8Output(capacity: 1);
        for (var i = 0; i < 500; i++)
        {
            var line = $"KEY_{i}=caf\u00e9 \u4e2d \U0001F600 {i}";
            output.Append(line).Append('\n');
            expected.Append(line).Append('\n');
        }

        Assert.Equal(Encoding.UTF8.GetBytes(expected.ToString()), output.Written.ToArray());
        Assert.Equal(expected.ToString(), output.ToText());
    }

    [Fact]
    public void Every_buffer_it_used_is_all_zeros_after_dispose()
    {
        var buffers = new List<byte[]>();
        using (SensitiveBuffers.Observe(buffers.Add))
        {
            using var output = new Utf8Output(capacity: 1);
            for (var i = 0; i < 200; i++)
            {
                output.Append("VALUE=not-a-real-secret-but-not-zero\n");
            }

            Assert.Contains(buffers, b => b.AsSpan().ContainsAnyExcept((byte)0));
        }

        // Growth made new buffers: the old ones were wiped when replaced, the last one on dispose.
        Assert.True(buffers.Count >= 2, $"{buffers.Count} buffers");
        Assert.All(buffers, b => Assert.False(b.AsSpan().ContainsAnyExcept((byte)0)));
    }

    [Fact]
    public void The_compose_override_lists_a_service_repeated_for_one_secret_once()
    {
        var schema = TestSchemas.Schema("demo", TestSchemas.Secret("A_KEY", "api", "api"), TestSchemas.Secret("B_KEY", "api"));

        var text = ComposeOverrideRenderer.Render(schema, "dev");

        Assert.EndsWith("services:\n  api:\n    environment:\n      A_KEY: ${A_KEY}\n      B_KEY: ${B_KEY}\n", text, StringComparison.Ordinal);
    }
}
