using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Provisioning;

/// <summary>External values are read by the build with the rules the generated AppSecrets reads them with.</summary>
public sealed class ExternalValueCheckTests
{
    [Theory]
    [InlineData(SecretValueType.Int, "5432")]
    [InlineData(SecretValueType.Int, "-1")]
    [InlineData(SecretValueType.Bool, "True")]
    [InlineData(SecretValueType.Uri, "https://billing.internal:8443/api")]
    [InlineData(SecretValueType.Bytes, "AAECAw==")]
    [InlineData(SecretValueType.String, "anything at all")]
    public void Values_the_runtime_reads_pass(SecretValueType type, string value) =>
        Assert.Null(ExternalValueCheck.Expected(type, value));

    [Theory]
    [InlineData(SecretValueType.Int, "abc", "a whole number")]
    [InlineData(SecretValueType.Int, "54.32", "a whole number")]
    [InlineData(SecretValueType.Bool, "yes", "true or false")]
    [InlineData(SecretValueType.Uri, "billing.internal/api", "an absolute URI")]
    [InlineData(SecretValueType.Bytes, "not base64!", "base64 text")]
    public void Values_the_runtime_would_reject_name_what_was_expected(SecretValueType type, string value, string expected) =>
        Assert.StartsWith(expected, ExternalValueCheck.Expected(type, value));
}
