using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// One moto server for the KMS tests, and the AWS SDK pointed at it the way a user points it at an
/// endpoint: through the standard variables (<c>AWS_ENDPOINT_URL_KMS</c>, <c>AWS_REGION</c>, access
/// keys moto accepts). The variables are restored when the tests are done.
/// </summary>
public sealed class MotoKmsFixture : IDisposable
{
    /// <summary>moto accepts any credentials; these are distinctive so tests can check no message holds them.</summary>
    public const string AccessKeyId = "AKIAMOTOTESTKEY00001";
    public const string SecretAccessKey = "moto-test-secret-7f3c9a1e5b2d4c6e8a0b";

    private static readonly string[] Variables =
    [
        "AWS_ENDPOINT_URL_KMS", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_EC2_METADATA_DISABLED",
    ];

    private readonly Dictionary<string, string?> saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly Lazy<MotoServer> server = new(StartAndPointAt);

    public MotoKmsFixture()
    {
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        // No instance metadata here: without this the SDK could wait on 169.254.169.254.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    /// <summary>The shared server, started on first use.</summary>
    public MotoServer Server => server.Value;

    /// <summary>Points the SDK (new clients and providers) at <paramref name="endpoint"/> until disposed.</summary>
    public static IDisposable PointAt(Uri endpoint)
    {
        var before = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_KMS");
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_KMS", endpoint.ToString());
        return new Restore(() => Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_KMS", before));
    }

    /// <summary>A KMS client made by the real SDK from the standard variables, pointed at the shared server.</summary>
    public AmazonKeyManagementServiceClient Client()
    {
        _ = Server;
        return new AmazonKeyManagementServiceClient();
    }

    /// <summary>Creates a symmetric encryption key and returns its metadata (ARN and key id).</summary>
    public KeyMetadata CreateKey(string? policy = null)
    {
        using var kms = Client();
        return kms.CreateKeyAsync(new CreateKeyRequest
        {
            Description = "secrets-build test key",
            KeyUsage = KeyUsageType.ENCRYPT_DECRYPT,
            KeySpec = KeySpec.SYMMETRIC_DEFAULT,
            Policy = policy,
        }).GetAwaiter().GetResult().KeyMetadata;
    }

    private static MotoServer StartAndPointAt()
    {
        var started = MotoServer.Start();
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_KMS", started.Endpoint.ToString());
        return started;
    }

    public void Dispose()
    {
        if (server.IsValueCreated)
        {
            server.Value.Dispose();
        }

        foreach (var (variable, value) in saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

[CollectionDefinition(Name)]
public sealed class MotoKmsCollection : ICollectionFixture<MotoKmsFixture>
{
    // The tests change process-wide AWS_* variables, so they run one at a time, in one collection.
    public const string Name = "moto KMS";
}
