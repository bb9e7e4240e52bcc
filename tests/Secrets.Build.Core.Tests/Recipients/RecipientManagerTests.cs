using System.Text;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.KeyRotation;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Core.VerifyAudit;

namespace Secrets.Build.Core.Tests.Recipients;

/// <summary>The recipient API of SecretsManager end to end on a real workspace, and builds that open the store with an identity.</summary>
public sealed class RecipientManagerTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly SecretsManager _manager = new();
    private readonly AgeIdentity _server = AgeIdentity.Generate("server");
    private readonly AgeIdentity _alice = AgeIdentity.Generate("alice");

    public void Dispose()
    {
        _server.Dispose();
        _alice.Dispose();
        _workspace.Dispose();
    }

    private string RecipientsPath => _workspace.Path_("secrets/recipients.development.txt");

    [Fact]
    public void A_build_server_with_only_its_identity_in_a_variable_builds_after_being_added()
    {
        ProvisionWithKey();
        var added = _manager.AddRecipient(Options(_server.Recipient.Text, "CI build server"));
        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        Assert.True(added.Changed);

        // The server has no key file: an empty key folder, only SECRETS_BUILD_IDENTITY_DEVELOPMENT.
        var serverKeys = Path.Combine(_workspace.Root, "server-keys");
        var build = _manager.Provision(new ProvisionOptions
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = serverKeys,
            Generate = false,
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["SECRETS_BUILD_IDENTITY_DEVELOPMENT"] = $"# CI\n{_server.ToSecretText()}\n",
            },
        });

        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Empty(build.Generated);
        Assert.False(Directory.Exists(serverKeys));
    }

    [Fact]
    public void Adding_writes_a_named_line_to_the_recipients_file_and_listing_shows_fingerprints()
    {
        ProvisionWithKey();

        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice Martin (laptop)"));
        _manager.AddRecipient(Options(_server.Recipient.Text, "CI build server"));
        var listed = _manager.ListRecipients(Options(null));

        Assert.True(listed.Succeeded, string.Join("\n", listed.Diagnostics));
        Assert.Empty(listed.Diagnostics);
        Assert.Equal(2, listed.Recipients.Length);
        var alice = listed.Recipients[0];
        Assert.Equal((_alice.Recipient.Text, _alice.Recipient.Fingerprint, "Alice Martin (laptop)", true, true), (alice.Recipient, alice.Fingerprint, alice.Name, alice.InStore, alice.InFile));
        Assert.StartsWith("key ", Assert.Single(listed.OtherKeys), StringComparison.Ordinal);
        var text = File.ReadAllText(RecipientsPath);
        Assert.Contains($"# Alice Martin (laptop)\n{_alice.Recipient}\n", text, StringComparison.Ordinal);
        Assert.Contains($"# CI build server\n{_server.Recipient}\n", text, StringComparison.Ordinal);
    }

    [AgeCliFact]
    public void The_recipients_file_is_an_age_recipients_file()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice"));
        var identityPath = Path.Combine(_workspace.Root, "alice.txt");
        File.WriteAllText(identityPath, _alice.ToSecretText() + "\n");

        var encrypted = AgeCli.Run(AgeCli.AgePath!, "hello team"u8.ToArray(), "-R", RecipientsPath);

        Assert.Equal("hello team", Encoding.UTF8.GetString(AgeCli.Run(AgeCli.AgePath!, encrypted, "-d", "-i", identityPath)));
    }

    [AgeCliFact]
    public void An_identity_file_made_by_age_keygen_in_the_key_folder_opens_the_store()
    {
        ProvisionWithKey();
        var developerKeys = Path.Combine(_workspace.Root, "dev-keys");
        Directory.CreateDirectory(developerKeys);
        var identityPath = Path.Combine(developerKeys, "identity.txt");
        AgeCli.Run(AgeCli.KeygenPath!, [], "-o", identityPath);
        var recipient = Encoding.ASCII.GetString(AgeCli.Run(AgeCli.KeygenPath!, [], "-y", identityPath)).Trim();
        Assert.True((_manager.AddRecipient(Options(recipient, "Bob"))).Succeeded);

        var build = _manager.Provision(new ProvisionOptions { SchemaPath = _workspace.SchemaPath, KeyDirectory = developerKeys, EnvironmentVariables = new Dictionary<string, string>() });

        Assert.True(build.Succeeded, string.Join("\n", build.Diagnostics));
        Assert.Empty(build.Generated);
    }

    [Fact]
    public void Removing_rotates_warns_with_the_secrets_to_rotate_and_locks_the_removed_identity_out()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice"));
        _manager.AddRecipient(Options(_server.Recipient.Text, "CI"));
        var values = EnvValues();

        var removed = _manager.RemoveRecipient(Options(_alice.Recipient.Text));

        Assert.True(removed.Succeeded, string.Join("\n", removed.Diagnostics));
        var warning = Assert.Single(removed.Diagnostics, d => d.Code == DiagnosticCodes.RemovedRecipientSawValues);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Contains("Alice", warning.Message, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD", warning.Message, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD", removed.SecretsToRotate);
        Assert.Equal([_server.Recipient.Text], removed.Recipients.Select(r => r.Recipient));
        Assert.DoesNotContain(_alice.Recipient.Text, File.ReadAllText(RecipientsPath), StringComparison.Ordinal);
        Assert.DoesNotContain("# Alice", File.ReadAllText(RecipientsPath), StringComparison.Ordinal);
        foreach (var diagnostic in removed.Diagnostics)
        {
            Assert.DoesNotContain(diagnostic.ToString(), values.Values.Where(v => v.Length >= 8), StringComparer.Ordinal);
        }

        var lockedOut = ProvisionWithIdentity(_alice);
        var error = Assert.Single(lockedOut.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.NoIdentityOpensStore, error.Code);
        Assert.Contains("Tried:", error.Message, StringComparison.Ordinal);
        Assert.Contains(_alice.Recipient.Text, error.Message, StringComparison.Ordinal);
        Assert.Contains($"age {_server.Recipient.Fingerprint}", error.Message, StringComparison.Ordinal);

        var server = ProvisionWithIdentity(_server);
        Assert.True(server.Succeeded, string.Join("\n", server.Diagnostics));
        Assert.Equal(values, EnvValues());
        Assert.Single(File.ReadAllLines(_workspace.Path_("secrets/.env.development.audit.jsonl")), l => l.Contains("\"key-rotated\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_store_with_recipients_but_nothing_found_names_the_places_looked_and_the_accepted_recipients()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_server.Recipient.Text, "CI"));

        var result = _manager.Provision(new ProvisionOptions { SchemaPath = _workspace.SchemaPath, KeyDirectory = Path.Combine(_workspace.Root, "empty"), EnvironmentVariables = new Dictionary<string, string>() });

        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.NoIdentityOpensStore, error.Code);
        Assert.Contains("SECRETS_BUILD_IDENTITY_DEVELOPMENT (not set)", error.Message, StringComparison.Ordinal);
        Assert.Contains("identity.txt (not found)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"age {_server.Recipient.Fingerprint} ({_server.Recipient})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shared_key_meant_for_other_stores_does_not_hide_a_matching_identity()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_server.Recipient.Text, "CI"));
        var otherKey = Secrets.Build.Core.Keys.KeyText.Format(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        ProvisionOptions Build(AgeIdentity identity) => new()
        {
            SchemaPath = _workspace.SchemaPath,
            KeyDirectory = Path.Combine(_workspace.Root, "no-keys"),
            EnvironmentVariables = new Dictionary<string, string>
            {
                ["SECRETS_BUILD_KEY"] = otherKey,
                ["SECRETS_BUILD_IDENTITY"] = identity.ToSecretText(),
            },
        };

        var server = _manager.Provision(Build(_server));
        Assert.True(server.Succeeded, string.Join("\n", server.Diagnostics));

        var neither = _manager.Provision(Build(_alice));
        var error = Assert.Single(neither.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.NoIdentityOpensStore, error.Code);
        Assert.Contains(_alice.Recipient.Text, error.Message, StringComparison.Ordinal);
        Assert.Contains("environment variable SECRETS_BUILD_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipient_without_the_symmetric_key_can_add_the_next_one_from_an_environment_identity_file()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice"));
        var aliceKeys = Path.Combine(_workspace.Root, "alice-keys");
        Directory.CreateDirectory(aliceKeys);
        File.WriteAllText(Path.Combine(aliceKeys, "identity.development.txt"), _alice.ToSecretText() + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(aliceKeys, "identity.development.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var added = _manager.AddRecipient(Options(_server.Recipient.Text, "CI") with { KeyDirectory = aliceKeys });

        Assert.True(added.Succeeded, string.Join("\n", added.Diagnostics));
        var server = ProvisionWithIdentity(_server);
        Assert.True(server.Succeeded, string.Join("\n", server.Diagnostics));
    }

    [Fact]
    public void A_key_rotation_keeps_every_recipient_and_a_removal_keeps_the_audit_trail_verifiable()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice"));
        _manager.AddRecipient(Options(_server.Recipient.Text, "CI"));

        var rotated = _manager.RotateKey(new RotateKeyOptions { SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>() });
        Assert.True(rotated.Succeeded, string.Join("\n", rotated.Diagnostics));
        var server = ProvisionWithIdentity(_server);
        Assert.True(server.Succeeded, string.Join("\n", server.Diagnostics));

        var removed = _manager.RemoveRecipient(Options(_alice.Recipient.Text));
        Assert.True(removed.Succeeded, string.Join("\n", removed.Diagnostics));
        Assert.Equal([_server.Recipient.Text], removed.Recipients.Select(r => r.Recipient));

        var paths = Secrets.Build.Core.Store.StorePaths.ForWorkspace(_workspace.Workspace, "development");
        using var store = Secrets.Build.Core.Store.SecretStore.Open(paths, new IdentityKey([_server], "test"));
        // The developer's lines are under the chain key of the developer's machine; the server, which
        // keeps no key folder, chained its lines under the data key's, which the store still holds.
        var verification = Tests.Trust.LocalChain.Verify(store, _workspace.KeyDirectory);
        Assert.True(verification.IsValid, verification.Error?.ToString());
    }

    [Fact]
    public void User_mistakes_come_back_as_diagnostics()
    {
        var noStore = _manager.AddRecipient(Options(_alice.Recipient.Text));
        Assert.Equal(DiagnosticCodes.NoStoreForRecipients, Assert.Single(noStore.Diagnostics).Code);

        ProvisionWithKey();
        var secretKeyPasted = _manager.AddRecipient(Options(_alice.ToSecretText()));
        var error = Assert.Single(secretKeyPasted.Diagnostics);
        Assert.Equal(DiagnosticCodes.RecipientMalformed, error.Code);
        Assert.DoesNotContain(_alice.ToSecretText(), error.ToString(), StringComparison.OrdinalIgnoreCase);

        var unknown = _manager.RemoveRecipient(Options(_alice.Recipient.Text));
        Assert.Equal(DiagnosticCodes.RecipientNotFound, Assert.Single(unknown.Diagnostics).Code);

        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice"));
        var again = _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice"));
        Assert.True(again.Succeeded);
        Assert.False(again.Changed);
        Assert.Equal(DiagnosticCodes.RecipientAlreadyPresent, Assert.Single(again.Diagnostics).Code);

        File.AppendAllText(RecipientsPath, "\nage1 this is not a key # Bob\n");
        var badFile = _manager.ListRecipients(Options(null));
        var bad = Assert.Single(badFile.Diagnostics);
        Assert.Equal(DiagnosticCodes.RecipientsFileInvalid, bad.Code);
        Assert.Equal(File.ReadAllLines(RecipientsPath).Length, bad.Location!.Line);
    }

    [Fact]
    public void A_recipient_listed_by_hand_but_not_yet_added_is_reported()
    {
        ProvisionWithKey();
        Directory.CreateDirectory(Path.GetDirectoryName(RecipientsPath)!);
        File.WriteAllText(RecipientsPath, $"# Carol\n{_alice.Recipient}\n");

        var listed = _manager.ListRecipients(Options(null));

        var info = Assert.Single(listed.Recipients);
        Assert.False(info.InStore);
        Assert.Equal("Carol", info.Name);
        var warning = Assert.Single(listed.Diagnostics);
        Assert.Equal(DiagnosticCodes.RecipientsOutOfSync, warning.Code);
        Assert.Equal(2, warning.Location!.Line);
    }

    [Fact]
    public void Adding_and_removing_record_the_recipient_by_fingerprint_and_holder_and_the_chain_still_verifies()
    {
        ProvisionWithKey();

        _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice Martin (laptop)"));
        var again = _manager.AddRecipient(Options(_alice.Recipient.Text, "Alice Martin (laptop)"));
        _manager.RemoveRecipient(Options(_alice.Recipient.Text));

        Assert.False(again.Changed);
        var trail = _workspace.Path_("secrets/.env.development.audit.jsonl");
        var events = AuditReader.Read(trail).Select(r => r.Event).ToList();
        var recipientEvents = events.Where(e => e.Kind is AuditEventKind.RecipientAdded or AuditEventKind.RecipientRemoved).ToList();
        // One line per change of access: the repeated add changed nothing and wrote nothing.
        Assert.Equal([AuditEventKind.RecipientAdded, AuditEventKind.RecipientRemoved], recipientEvents.Select(e => e.Kind));
        Assert.All(recipientEvents, e =>
        {
            Assert.Equal(_alice.Recipient.Fingerprint, e.Recipient);
            Assert.Equal("Alice Martin (laptop)", e.RecipientName);
            Assert.Null(e.SecretName);
        });
        Assert.Equal(AuditEventKind.KeyRotated, events[^1].Kind);
        var text = File.ReadAllText(trail);
        Assert.DoesNotContain(_alice.Recipient.Text, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AGE-SECRET-KEY", text, StringComparison.OrdinalIgnoreCase);

        var verified = _manager.VerifyAudit(new VerifyAuditOptions
        {
            WorkspacePath = _workspace.Workspace,
            KeyDirectory = _workspace.KeyDirectory,
            EnvironmentVariables = new Dictionary<string, string>(),
        });
        Assert.True(verified.Succeeded, string.Join("\n", verified.Diagnostics));
        Assert.Equal(events.Count, verified.EntriesVerified);
    }

    [Fact]
    public void A_build_warns_about_a_hand_edited_recipients_file_at_the_line_concerned()
    {
        ProvisionWithKey();
        _manager.AddRecipient(Options(_server.Recipient.Text, "CI"));
        var inSync = ProvisionAfterChange();
        Assert.DoesNotContain(inSync.Diagnostics, d => d.Code == DiagnosticCodes.RecipientsOutOfSync);

        File.AppendAllText(RecipientsPath, $"\n# Carol\n{_alice.Recipient}\n");
        var edited = ProvisionAfterChange();

        Assert.True(edited.Succeeded, string.Join("\n", edited.Diagnostics));
        var warning = Assert.Single(edited.Diagnostics, d => d.Code == DiagnosticCodes.RecipientsOutOfSync);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Equal(RecipientsPath, warning.Location!.File);
        Assert.Equal(File.ReadAllLines(RecipientsPath).Length, warning.Location.Line);
        Assert.Contains("Carol", warning.Message, StringComparison.Ordinal);
        Assert.Contains("-t:AddSecretsRecipient", warning.Fix, StringComparison.Ordinal);

        File.AppendAllText(RecipientsPath, "not a recipient\n");
        var unreadable = ProvisionAfterChange();
        Assert.True(unreadable.Succeeded, string.Join("\n", unreadable.Diagnostics));
        Assert.Equal(SecretsSeverity.Warning, Assert.Single(unreadable.Diagnostics, d => d.Code == DiagnosticCodes.RecipientsFileInvalid).Severity);
    }
    // Low-order X25519 points (the all-zero one, u = 1, and one of order 8): agreement with them
    // gives the all-zero secret, so a data key wrapped to one would be open to anyone.
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800")]
    public void A_low_order_recipient_is_refused_as_malformed_and_changes_nothing(string publicKeyHex)
    {
        ProvisionWithKey();
        var lowOrder = AgeRecipient.FromPublicKey(Convert.FromHexString(publicKeyHex)).Text;
        var store = File.ReadAllBytes(_workspace.Path_("secrets/.env.development.json"));

        var result = _manager.AddRecipient(Options(lowOrder, "nobody"));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.RecipientMalformed, error.Code);
        Assert.Contains("low-order", error.Message, StringComparison.Ordinal);
        Assert.Equal(store, File.ReadAllBytes(_workspace.Path_("secrets/.env.development.json")));
        Assert.False(File.Exists(RecipientsPath));
    }

    [Fact]
    public void A_malformed_identity_variable_is_an_error_without_its_content()
    {
        var mangled = _alice.ToSecretText()[..^2];
        var resolution = new IdentityLocator("development", new Dictionary<string, string> { ["SECRETS_BUILD_IDENTITY"] = mangled }, Path.Combine(_workspace.Root, "k")).Resolve();

        Assert.Null(resolution.Key);
        var error = Assert.Single(resolution.Diagnostics);
        Assert.Equal(DiagnosticCodes.IdentityMalformed, error.Code);
        Assert.DoesNotContain(mangled, error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private RecipientOptions Options(string? recipient, string? name = null) => new()
    {
        WorkspacePath = _workspace.Workspace,
        Recipient = recipient,
        Name = name,
        KeyDirectory = _workspace.KeyDirectory,
        EnvironmentVariables = new Dictionary<string, string>(),
    };

    private ProvisionResult ProvisionAfterChange() =>
        _manager.Provision(new ProvisionOptions { SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>() });

    private void ProvisionWithKey()
    {
        var result = _manager.Provision(new ProvisionOptions { SchemaPath = _workspace.SchemaPath, KeyDirectory = _workspace.KeyDirectory, EnvironmentVariables = new Dictionary<string, string>() });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    private ProvisionResult ProvisionWithIdentity(AgeIdentity identity) => _manager.Provision(new ProvisionOptions
    {
        SchemaPath = _workspace.SchemaPath,
        KeyDirectory = Path.Combine(_workspace.Root, "no-keys"),
        EnvironmentVariables = new Dictionary<string, string> { ["SECRETS_BUILD_IDENTITY_DEVELOPMENT"] = identity.ToSecretText() },
    });

    private Dictionary<string, string> EnvValues() =>
        EnvFileParser.Parse(File.ReadAllText(_workspace.Path_(".env.development")), null).Entries.ToDictionary(e => e.Name, e => e.Value);
}
