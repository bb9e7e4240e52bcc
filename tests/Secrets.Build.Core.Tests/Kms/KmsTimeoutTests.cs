using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Tests.Kms;

public sealed class KmsTimeoutTests
{
    [Theory]
    [InlineData("", 15)]
    [InlineData("1", 1)]
    [InlineData("15", 15)]
    public void Accepts_whole_seconds_up_to_fifteen(string given, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), KmsTimeout.Parse(given));

    [Theory]
    [InlineData("0")]
    [InlineData("16")]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("soon")]
    public void Refuses_anything_else_with_its_code(string given)
    {
        var error = Assert.Throws<SecretsException>(() => KmsTimeout.Parse(given));

        Assert.Equal(DiagnosticCodes.KmsTimeoutInvalid, error.Code);
        Assert.Contains("SecretsKmsTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_with_a_timeout_over_fifteen_seconds_is_refused()
    {
        var error = Assert.Throws<SecretsException>(() => new AwsKmsKeyWrapProvider("arn:aws:kms:us-east-1:123456789012:key/x", TimeSpan.FromSeconds(30)));

        Assert.Equal(DiagnosticCodes.KmsTimeoutInvalid, error.Code);
    }
}
