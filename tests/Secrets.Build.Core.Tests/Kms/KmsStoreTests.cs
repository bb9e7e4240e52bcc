using System.Text.Json.Nodes;
using Amazon.KeyManagementService.Model;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Core.Tests.Provisioning;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// Stores whose data key AWS KMS wraps, provisioned and opened through SecretsManager with the real
/// AWS SDK against moto's KMS server, pointed at it by AWS_ENDPOINT_URL_KMS only.
/// </summary>
[Collection(MotoKmsCollection.Name)]
public sealed class KmsStoreTests(MotoKmsFixture moto) : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly SecretsManager _manager = new();

    public void Dispose() => _workspace.Dispose();

    private string StorePath => _workspace.Path_("secrets/.env.development.json");

    [MotoFact]
    public void Provisioning_with_only_a_kms_key_writes_no_key_file_and_records_an_aws_kms_entry()
    {
        var arn = moto.CreateKey().Arn;

        var result = Provision(kmsKeys: arn);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Generated);
        Assert.Equal($"aws-kms key {arn}", result.KeySource);
        Assert.False(Directory.Exists(_workspace.KeyDirectory) && Directory.EnumerateFiles(_workspace.KeyDirectory, "*.key").Any(),
            "A KMS-only store must not write a key file.");
        var entry = Assert.Single(Keys(StorePath));
        Assert.Equal("aws-kms", (string?)entry["kind"]);
        Assert.Equal(arn, (string?)entry["keyId"]);
        Assert.NotNull(Convert.FromBase64String((string)entry["wrappedKey"]!));
        var store = JsonNode.Parse(File.ReadAllText(StorePath))!;
        Assert.Equal((string?)store["storeId"], (string?)entry["encryptionContext"]!["secrets-build:store"]);
        Assert.Equal("development", (string?)entry["encryptionContext"]!["secrets-build:env"]);
        Assert.Null(entry["nonce"]);
    }

    [MotoFact]
    public void A_fresh_clone_with_no_key_folder_opens_through_kms_and_generates_nothing()
    {
        var arn = moto.CreateKey().Arn;
        Assert.True(Provision(kmsKeys: arn).Succeeded);
        var values = EnvValues(_workspace.Workspace);
        var clone = CloneWorkspace();

        var build = _manager.Provision(new ProvisionOptions
        {
            SchemaPath = Path.Combine(clone, "secrets.schema.json"),
            KeyDirectory = Path.Combine(_workspace.Root, "clone-keys"),
            Generate = false,
            EnvironmentVariables = new Dictionary<string, string>(),
        });

        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Empty(build.Generated);
        Assert.Equal($"aws-kms key {arn}", build.KeySource);
        Assert.Equal(values, EnvValues(clone));
        Assert.False(Directory.Exists(Path.Combine(_workspace.Root, "clone-keys")));
    }

    [MotoFact]
    public void The_variable_configures_kms_keys_of_two_regions_and_each_is_asked_in_the_region_of_its_arn()
    {
        var east = moto.CreateKey().Arn;
        var west = CreateKeyIn("eu-west-1");
        Assert.Contains(":eu-west-1:", west, StringComparison.Ordinal);

        var result = Provision(variables: new() { ["SECRETS_BUILD_KMS_KEY_DEVELOPMENT"] = $"{east}, {west}" });

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal([east, west], Keys(StorePath).Select(k => (string)k["keyId"]!));
        // Only the west key left: the store still opens, though AWS_REGION names the other region.
        RemoveEntries(StorePath, keep: west);
        var previous = Environment.GetEnvironmentVariable("AWS_REGION");
        try
        {
            Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
            var west_only = Provision(generate: false);
            // The MAC covers the key list, so the edited store is refused, but only after KMS unwrapped its data key in eu-west-1.
            Assert.Contains(west_only.Diagnostics, d => d.Code == DiagnosticCodes.StoreMacMismatch);
            Assert.DoesNotContain(west_only.Diagnostics, d => d.Code.StartsWith("SECB73", StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_REGION", previous);
        }
    }

    [MotoFact]
    public void A_store_with_a_key_file_and_a_kms_key_opens_with_the_key_file_first_and_with_kms_without_it()
    {
        var arn = moto.CreateKey().Arn;
        Assert.True(Provision().Succeeded);
        var added = _manager.AddKmsKey(KmsOptions(arn));
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.Equal(["key", "aws-kms"], Keys(StorePath).Select(k => (string)k["kind"]!));

        // The key file comes before KMS: with KMS unreachable the build does not even ask it.
        using (MotoKmsFixture.PointAt(new Uri($"http://127.0.0.1:{ClosedPort()}/")))
        {
            var byKeyFile = Provision(generate: false, timeout: 2);
            Assert.True(byKeyFile.Succeeded, string.Join("\n", byKeyFile.Diagnostics));
            Assert.DoesNotContain(byKeyFile.Diagnostics, d => d.Code.StartsWith("SECB73", StringComparison.Ordinal) || d.Code.StartsWith("SECB74", StringComparison.Ordinal));
            Assert.StartsWith(_workspace.KeyDirectory, byKeyFile.KeySource, StringComparison.Ordinal);
        }

        var byKms = _manager.Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = Path.Combine(_workspace.Root, "other-keys"),
            Generate = false,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(byKms.Succeeded, string.Join("\n", byKms.Diagnostics));
        Assert.Equal($"aws-kms key {arn}", byKms.KeySource);
    }

    [MotoFact]
    public void Adding_and_removing_a_kms_key_rotates_the_data_key_and_warns_which_values_it_could_read()
    {
        var first = moto.CreateKey().Arn;
        var second = moto.CreateKey().Arn;
        Assert.True(Provision(kmsKeys: first).Succeeded);
        var values = EnvValues(_workspace.Workspace);

        var added = _manager.AddKmsKey(KmsOptions(second));
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.True(added.Changed);
        Assert.Equal([first, second], added.KmsKeys.ToArray());
        var again = _manager.AddKmsKey(KmsOptions(second));
        Assert.False(again.Changed);
        Assert.Equal(SecretsSeverity.Warning, Assert.Single(again.Diagnostics, d => d.Code == DiagnosticCodes.KmsKeyAlreadyPresent).Severity);
        var oldWrapping = (string)Keys(StorePath)[1]["wrappedKey"]!;

        var removed = _manager.RemoveKmsKey(KmsOptions(first));

        Assert.True(removed.Succeeded, string.Join("\n", removed.Diagnostics));
        Assert.Equal([second], removed.KmsKeys.ToArray());
        var warning = Assert.Single(removed.Diagnostics, d => d.Code == DiagnosticCodes.RemovedKmsKeySawValues);
        Assert.Contains(first, warning.Message, StringComparison.Ordinal);
        Assert.All(values.Keys, name => Assert.Contains(name, warning.Message, StringComparison.Ordinal));
        Assert.Equal(removed.SecretsToRotate.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        var entry = Assert.Single(Keys(StorePath));
        Assert.Equal(second, (string?)entry["keyId"]);
        Assert.NotEqual(oldWrapping, (string?)entry["wrappedKey"]);
        var trail = File.ReadAllText(_workspace.Path_("secrets/.env.development.audit.jsonl"));
        Assert.Contains("\"kms-key-added\"", trail, StringComparison.Ordinal);
        Assert.Contains("\"kms-key-removed\"", trail, StringComparison.Ordinal);

        // The remaining key opens the rotated store, with the same values.
        var reopened = Provision(generate: false);
        Assert.True(reopened.Succeeded, string.Join("\n", reopened.Diagnostics));
        Assert.Equal(values, EnvValues(_workspace.Workspace));

        var notThere = _manager.RemoveKmsKey(KmsOptions(first));
        Assert.Contains(notThere.Diagnostics, d => d.Code == DiagnosticCodes.KmsKeyNotOnStore);
        var last = _manager.RemoveKmsKey(KmsOptions(second));
        Assert.Contains(last.Diagnostics, d => d.Code == DiagnosticCodes.LastKeyRemoval);
    }

    [MotoFact]
    public void A_disabled_key_gives_its_code_and_creates_no_store()
    {
        var key = moto.CreateKey();
        using (var kms = moto.Client())
        {
            _ = kms.DisableKeyAsync(new DisableKeyRequest { KeyId = key.KeyId }).GetAwaiter().GetResult();
        }

        var result = Provision(kmsKeys: key.Arn);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.KmsKeyUnusable, error.Code);
        Assert.Contains(key.Arn, error.Message, StringComparison.Ordinal);
        Assert.Contains("Disabled", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(StorePath));
    }

    // moto decrypts with a disabled key, so the open meets a stand-in that answers as AWS does.
    [MotoFact]
    public void Opening_a_store_whose_only_key_kms_refuses_as_disabled_gives_its_code_and_changes_nothing()
    {
        var arn = moto.CreateKey().Arn;
        Assert.True(Provision(kmsKeys: arn).Succeeded);
        File.Delete(_workspace.Path_(".env.development"));
        var before = _workspace.Snapshot(includeAuditTrail: true);

        using var stub = new KmsErrorStub("DisabledException");
        ProvisionResult result;
        using (MotoKmsFixture.PointAt(stub.Endpoint))
        {
            result = Provision(generate: false);
        }

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.KmsKeyUnusable, error.Code);
        Assert.Contains(arn, error.Message, StringComparison.Ordinal);
        Assert.Contains("it is disabled", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, stub.Requests);
        var after = _workspace.Snapshot(includeAuditTrail: true);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }

    [MotoFact]
    public void An_entry_copied_from_another_store_is_refused_by_kms_as_a_wrong_encryption_context()
    {
        var arn = moto.CreateKey().Arn;
        Assert.True(Provision(kmsKeys: arn).Succeeded);
        using var other = new TempWorkspace();
        Assert.True(_manager.Provision(new ProvisionOptions
        {
            SchemaPath = other.SchemaPath,
            KeyDirectory = other.KeyDirectory,
            KmsKeys = arn,
            EnvironmentVariables = new Dictionary<string, string>(),
        }).Succeeded);
        var before = File.ReadAllBytes(StorePath);

        // The other store's entry, under the same KMS key, put in place of this store's.
        var store = JsonNode.Parse(before)!;
        store["keys"]![0] = Keys(other.Path_("secrets/.env.development.json"))[0].DeepClone();
        File.WriteAllText(StorePath, store.ToJsonString());

        var result = Provision(generate: false);

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.KmsEncryptionContextMismatch, error.Code);
        Assert.Contains(arn, error.Message, StringComparison.Ordinal);
    }

    [MotoFact]
    public void A_kms_server_stopped_after_the_store_was_made_gives_the_unreachable_code_within_the_timeout()
    {
        using var own = MotoServer.Start();
        using (MotoKmsFixture.PointAt(own.Endpoint))
        {
            using var kms = new Amazon.KeyManagementService.AmazonKeyManagementServiceClient();
            var arn = kms.CreateKeyAsync(new CreateKeyRequest()).GetAwaiter().GetResult().KeyMetadata.Arn;
            Assert.True(Provision(kmsKeys: arn).Succeeded);
            own.Dispose();

            var result = Provision(generate: false, timeout: 2);

            var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
            Assert.Equal(DiagnosticCodes.KmsUnreachable, error.Code);
            Assert.Contains(arn, error.Message, StringComparison.Ordinal);
            Assert.Contains("within 2 s", error.Message, StringComparison.Ordinal);
        }
    }

    [MotoFact]
    public void When_kms_fails_and_an_age_identity_opens_the_store_the_build_goes_on_with_a_warning()
    {
        var arn = moto.CreateKey().Arn;
        using var identity = AgeIdentity.Generate("server");
        Assert.True(Provision(kmsKeys: arn).Succeeded);
        var recipient = _manager.AddRecipient(new RecipientOptions
        {
            WorkspacePath = _workspace.Workspace,
            Recipient = identity.Recipient.Text,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(recipient.Succeeded, string.Join("\n", recipient.Diagnostics));

        ProvisionResult result;
        using (MotoKmsFixture.PointAt(new Uri($"http://127.0.0.1:{ClosedPort()}/")))
        {
            result = Provision(generate: false, timeout: 2, variables: new() { ["SECRETS_BUILD_IDENTITY_DEVELOPMENT"] = identity.ToSecretText() });
        }

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.KmsFallbackUsed);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Contains(DiagnosticCodes.KmsUnreachable, warning.Message, StringComparison.Ordinal);
        Assert.Contains(arn, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(identity.ToSecretText(), string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
        Assert.DoesNotContain(MotoKmsFixture.SecretAccessKey, string.Join("\n", result.Diagnostics), StringComparison.Ordinal);
    }

    [MotoFact]
    public void Rotating_the_key_of_a_kms_only_store_replaces_the_data_key_and_still_writes_no_key_file()
    {
        var arn = moto.CreateKey().Arn;
        Assert.True(Provision(kmsKeys: arn).Succeeded);
        var values = EnvValues(_workspace.Workspace);
        var wrapped = (string)Keys(StorePath)[0]["wrappedKey"]!;

        var rotated = _manager.RotateKey(new KeyRotation.RotateKeyOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });

        Assert.True(rotated.Succeeded, string.Join("\n", rotated.Diagnostics));
        Assert.Equal($"aws-kms {arn}", rotated.NewKeyId);
        Assert.Null(rotated.NewKeyFile);
        Assert.False(Directory.Exists(_workspace.KeyDirectory) && Directory.EnumerateFiles(_workspace.KeyDirectory, "*.key").Any());
        var entry = Assert.Single(Keys(StorePath));
        Assert.NotEqual(wrapped, (string?)entry["wrappedKey"]);
        Assert.True(Provision(generate: false).Succeeded);
        Assert.Equal(values, EnvValues(_workspace.Workspace));
    }

    [MotoFact]
    public void A_configured_kms_key_the_existing_store_lacks_is_a_warning_and_the_store_is_not_changed()
    {
        var arn = moto.CreateKey().Arn;
        Assert.True(Provision().Succeeded);
        var before = File.ReadAllBytes(StorePath);

        var result = Provision(kmsKeys: arn, generate: false);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.ConfiguredKmsKeyNotOnStore);
        Assert.Contains(arn, warning.Message, StringComparison.Ordinal);
        Assert.Contains("AddSecretsKmsKey", warning.Fix, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(StorePath));
    }

    [Theory]
    [InlineData("not-an-arn")]
    [InlineData("alias/secrets")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab")]
    public void A_configured_kms_key_that_is_not_an_arn_is_refused_before_anything_is_written(string given)
    {
        var result = _manager.Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string> { ["SECRETS_BUILD_KMS_KEY_DEVELOPMENT"] = given },
        });

        Assert.Equal(DiagnosticCodes.KmsKeyMalformed, Assert.Single(result.Diagnostics).Code);
        Assert.False(File.Exists(StorePath));
        Assert.False(Directory.Exists(_workspace.KeyDirectory));
    }

    private ProvisionResult Provision(string? kmsKeys = null, bool generate = true, int? timeout = null, Dictionary<string, string>? variables = null) =>
        _manager.Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = _workspace.KeyDirectory,
            Generate = generate,
            KmsKeys = kmsKeys,
            KmsTimeoutSeconds = timeout?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EnvironmentVariables = variables ?? [],
        });

    private KmsKeyOptions KmsOptions(string arn) => new()
    {
        WorkspacePath = _workspace.Workspace,
        KeyArn = arn,
        KeyDirectory = _workspace.KeyDirectory,
        EnvironmentVariables = new Dictionary<string, string>(),
    };

    private string CreateKeyIn(string region)
    {
        _ = moto.Server;
        using var kms = new Amazon.KeyManagementService.AmazonKeyManagementServiceClient(new Amazon.KeyManagementService.AmazonKeyManagementServiceConfig
        {
            RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(region),
            AuthenticationRegion = region,
        });
        return kms.CreateKeyAsync(new CreateKeyRequest()).GetAwaiter().GetResult().KeyMetadata.Arn;
    }

    private string CloneWorkspace()
    {
        var clone = Path.Combine(_workspace.Root, "clone");
        Directory.CreateDirectory(Path.Combine(clone, "secrets"));
        File.Copy(_workspace.SchemaPath, Path.Combine(clone, "secrets.schema.json"));
        foreach (var file in new[] { ".env.development.json", ".env.development.metadata" })
        {
            File.Copy(_workspace.Path_("secrets/" + file), Path.Combine(clone, "secrets", file));
        }

        return clone;
    }

    private static List<JsonNode> Keys(string storePath) => [.. JsonNode.Parse(File.ReadAllText(storePath))!["keys"]!.AsArray().Select(k => k!)];

    private static void RemoveEntries(string storePath, string keep)
    {
        var store = JsonNode.Parse(File.ReadAllText(storePath))!;
        var keys = store["keys"]!.AsArray();
        foreach (var entry in keys.Where(k => (string?)k!["keyId"] != keep).ToList())
        {
            keys.Remove(entry);
        }

        File.WriteAllText(storePath, store.ToJsonString());
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Dictionary<string, string> EnvValues(string workspace) =>
        EnvFileParser.Parse(File.ReadAllText(Path.Combine(workspace, ".env.development")), null).Entries.ToDictionary(e => e.Name, e => e.Value);
}
