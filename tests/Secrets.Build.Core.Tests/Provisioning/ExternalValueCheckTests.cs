using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Provisioning;

/// <summary>External values are read by the build with the rules the generated AppSecrets reads them with.</summary>
// The type travels by name: a theory's parameters are public, the value type is not.
public sealed class ExternalValueCheckTests
{
    [Theory]
    [InlineData(nameof(SecretValueType.Int), "5432")]
    [InlineData(nameof(SecretValueType.Int), "-1")]
    [InlineData(nameof(SecretValueType.Bool), "True")]
    [InlineData(nameof(SecretValueType.Uri), "https://billing.internal:8443/api")]
    [InlineData(nameof(SecretValueType.Bytes), "AAECAw==")]
    [InlineData(nameof(SecretValueType.String), "anything at all")]
    public void Values_the_runtime_reads_pass(string type, string value) =>
        Assert.Null(ExternalValueCheck.Expected(Enum.Parse<SecretValueType>(type), value));

    [Theory]
    [InlineData(nameof(SecretValueType.Int), "abc", "a whole number")]
    [InlineData(nameof(SecretValueType.Int), "54.32", "a whole number")]
    [InlineData(nameof(SecretValueType.Bool), "yes", "true or false")]
    [InlineData(nameof(SecretValueType.Uri), "billing.internal/api", "an absolute URI")]
    [InlineData(nameof(SecretValueType.Bytes), "not base64!", "base64 text")]
    public void Values_the_runtime_would_reject_name_what_was_expected(string type, string value, string expected) =>
        Assert.StartsWith(expected, ExternalValueCheck.Expected(Enum.Parse<SecretValueType>(type), value));
}
