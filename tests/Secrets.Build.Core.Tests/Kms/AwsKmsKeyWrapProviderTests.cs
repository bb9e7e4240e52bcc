using System.Security.Cryptography;
using Amazon.KeyManagementService.Model;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Kms;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>The AWS KMS provider through the real AWS SDK against moto's KMS server.</summary>
[Collection(MotoKmsCollection.Name)]
public sealed class AwsKmsKeyWrapProviderTests(MotoKmsFixture moto)
{
    private static readonly IReadOnlyDictionary<string, string> Context = KmsEncryptionContext.For("store-a", "production");

    [MotoFact]
    public void A_wrapped_data_key_unwraps_to_the_same_bytes_with_the_same_context()
    {
        var key = moto.CreateKey();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        using var provider = Provider(key.Arn);

        var wrapped = provider.Wrap(dataKey, Context);
        var unwrapped = provider.Unwrap(wrapped, Context);

        Assert.NotEqual(dataKey, wrapped);
        Assert.Equal(dataKey, unwrapped);
        Assert.Equal(key.Arn, provider.KeyId);
    }

    // The entry copied from another store, and the same store's entry of another environment.
    [MotoTheory]
    [InlineData("store-b", "production")]
    [InlineData("store-a", "development")]
    public void A_wrapped_key_made_for_another_context_is_refused_by_kms_with_its_code(string storeId, string environment)
    {
        var key = moto.CreateKey();
        using var provider = Provider(key.Arn);
        var wrapped = provider.Wrap(RandomNumberGenerator.GetBytes(32), Context);

        var error = Assert.Throws<SecretsException>(() => provider.Unwrap(wrapped, KmsEncryptionContext.For(storeId, environment)));

        AssertNamesKey(error, DiagnosticCodes.KmsEncryptionContextMismatch, key.Arn);
    }

    [MotoTheory]
    [InlineData("Disabled")]
    [InlineData("PendingDeletion")]
    public void A_disabled_key_or_one_pending_deletion_cannot_wrap_and_the_error_names_its_state(string state)
    {
        var key = moto.CreateKey();
        using (var kms = moto.Client())
        {
            // moto 5.1 finds the key to change by its id only, not by its ARN.
            _ = state == "Disabled"
                ? kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId }).GetAwaiter().GetResult().HttpStatusCode
                : kms.ScheduleKeyDeletionAsync(new ScheduleKeyDeletionRequest { KeyId = key.KeyId, PendingWindowInDays = 7 }).GetAwaiter().GetResult().HttpStatusCode;
        }

        using var provider = Provider(key.Arn);
        var error = Assert.Throws<SecretsException>(() => provider.Wrap(RandomNumberGenerator.GetBytes(32), Context));

        AssertNamesKey(error, DiagnosticCodes.KmsKeyUnusable, key.Arn);
        Assert.Contains($"its state is {state}", error.Message, StringComparison.Ordinal);
    }

    [MotoFact]
    public void A_key_that_does_not_exist_gives_the_unusable_key_code()
    {
        const string arn = "arn:aws:kms:us-east-1:123456789012:key/00000000-0000-4000-8000-000000000000";
        using var provider = Provider(arn);

        var error = Assert.Throws<SecretsException>(() => provider.Wrap(RandomNumberGenerator.GetBytes(32), Context));

        AssertNamesKey(error, DiagnosticCodes.KmsKeyUnusable, arn);
    }

    [MotoFact]
    public void A_key_policy_that_denies_the_caller_gives_the_access_denied_code()
    {
        // moto enforces a key policy's Deny statements for DescribeKey (principal and resource "*"),
        // the first call of a wrap.
        const string denyAll = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:DescribeKey","Resource":"*"}]}
            """;
        var key = moto.CreateKey(denyAll);
        using var provider = Provider(key.Arn);

        var error = Assert.Throws<SecretsException>(() => provider.Wrap(RandomNumberGenerator.GetBytes(32), Context));

        AssertNamesKey(error, DiagnosticCodes.KmsAccessDenied, key.Arn);
        Assert.Contains("kms:DescribeKey", error.Message, StringComparison.Ordinal);
    }

    [MotoFact]
    public void A_server_stopped_after_wrapping_gives_the_unreachable_code_and_leaves_no_process()
    {
        using var own = MotoServer.Start();
        string arn;
        byte[] wrapped;
        AwsKmsKeyWrapProvider provider;
        using (MotoKmsFixture.PointAt(own.Endpoint))
        {
            using var kms = new Amazon.KeyManagementService.AmazonKeyManagementServiceClient();
            arn = kms.CreateKeyAsync(new CreateKeyRequest()).GetAwaiter().GetResult().KeyMetadata.Arn;
            provider = new AwsKmsKeyWrapProvider(arn, TimeSpan.FromSeconds(3));
            wrapped = provider.Wrap(RandomNumberGenerator.GetBytes(32), Context);
        }

        var pid = own.ProcessId;
        own.Dispose();
        Assert.False(Directory.Exists($"/proc/{pid}"), $"moto_server (process {pid}) is still there after it was stopped.");

        using (provider)
        {
            var error = Assert.Throws<SecretsException>(() => provider.Unwrap(wrapped, Context));
            AssertNamesKey(error, DiagnosticCodes.KmsUnreachable, arn);
        }
    }

    // moto cannot be made to throttle: this one runs against a loopback stand-in, without moto.
    [Fact]
    public void Throttling_gives_its_code_after_the_bounded_retries()
    {
        var (error, requests) = RefusedByStub("ThrottlingException", provider => provider.Wrap(RandomNumberGenerator.GetBytes(32), Context));

        AssertNamesKey(error, DiagnosticCodes.KmsThrottled, StubKeyArn);
        // The first request and two retries, then the build is told.
        Assert.Equal(3, requests);
    }

    // moto decrypts with a disabled key; AWS refuses. These run against a loopback stand-in that
    // answers Decrypt as AWS does, without moto.
    [Theory]
    [InlineData("DisabledException", "it is disabled")]
    [InlineData("KMSInvalidStateException", "pending deletion")]
    [InlineData("NotFoundException", "KMS does not find it")]
    [InlineData("InvalidKeyUsageException", "not a symmetric ENCRYPT_DECRYPT key")]
    public void Unwrapping_with_a_key_kms_refuses_gives_the_unusable_key_code_without_retrying(string errorType, string why)
    {
        var (error, requests) = RefusedByStub(errorType, provider => provider.Unwrap(RandomNumberGenerator.GetBytes(184), Context));

        AssertNamesKey(error, DiagnosticCodes.KmsKeyUnusable, StubKeyArn);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, requests);
    }

    private const string StubKeyArn = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-4111-8111-111111111111";

    /// <summary>The error a provider's call gives against a stand-in answering <paramref name="errorType"/>, and how many requests it made.</summary>
    private static (SecretsException Error, int Requests) RefusedByStub(string errorType, Action<AwsKmsKeyWrapProvider> call)
    {
        using var stub = new KmsErrorStub(errorType);
        using (MotoKmsFixture.PointAt(stub.Endpoint))
        {
            using var provider = new AwsKmsKeyWrapProvider(StubKeyArn);
            return (Assert.Throws<SecretsException>(() => call(provider)), stub.Requests);
        }
    }

    /// <summary>A provider pointed at the shared server, through the standard variables only.</summary>
    private AwsKmsKeyWrapProvider Provider(string arn)
    {
        _ = moto.Server;
        return new AwsKmsKeyWrapProvider(arn);
    }

    private static void AssertNamesKey(SecretsException error, string code, string arn)
    {
        Assert.Equal(code, error.Code);
        Assert.Contains(arn, error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Diagnostics[0].Fix);
        Assert.DoesNotContain(MotoKmsFixture.AccessKeyId, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(MotoKmsFixture.SecretAccessKey, error.ToString(), StringComparison.Ordinal);
    }
}
