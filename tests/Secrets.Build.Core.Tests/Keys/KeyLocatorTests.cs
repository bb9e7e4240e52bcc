using System.Runtime.Versioning;
using System.Security.Cryptography;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Tests.Keys;

public sealed class KeyLocatorTests : IDisposable
{
    private const string StoreId = "3f9a2c";
    private readonly TempDirectory temp = new();
    private readonly Dictionary<string, string> variables = new();

    public KeyLocatorTests()
    {
        variables["HOME"] = temp.Combine("home");
    }

    public void Dispose() => temp.Dispose();

    private string DefaultKeyFile => temp.Combine("home", ".config", "secrets-build", "keys", $"{StoreId}.production.key");

    private KeyLocator Locator(string environment = "production", string? keyDirectory = null, string? workspace = null) =>
        new(environment, StoreId, variables, keyDirectory, workspace);

    [Fact]
    public void The_environment_specific_key_wins_over_every_other_source()
    {
        var specific = RandomNumberGenerator.GetBytes(32);
        variables["SECRETS_BUILD_KEY_PRODUCTION"] = KeyText.Format(specific);
        variables["SECRETS_BUILD_KEY"] = KeyText.Format(RandomNumberGenerator.GetBytes(32));
        variables["SECRETS_BUILD_PASSPHRASE"] = "a passphrase";
        Locator().CreateKeyFile();

        var resolution = Locator().Resolve();

        var key = Assert.IsType<RawKey>(resolution.Key);
        Assert.Equal(specific, key.Key);
        Assert.Equal("environment variable SECRETS_BUILD_KEY_PRODUCTION", key.Source);
        Assert.Empty(resolution.Diagnostics);
        Assert.Equal(["environment variable SECRETS_BUILD_KEY_PRODUCTION"], resolution.PlacesLooked.AsEnumerable());
    }

    [Fact]
    public void The_shared_key_comes_next_and_an_empty_variable_counts_as_unset()
    {
        var shared = RandomNumberGenerator.GetBytes(32);
        variables["SECRETS_BUILD_KEY_PRODUCTION"] = "";
        variables["SECRETS_BUILD_KEY"] = KeyText.Format(shared);

        var resolution = Locator().Resolve();

        Assert.Equal(shared, Assert.IsType<RawKey>(resolution.Key).Key);
        Assert.Equal(
            ["environment variable SECRETS_BUILD_KEY_PRODUCTION (empty)", "environment variable SECRETS_BUILD_KEY"],
            resolution.PlacesLooked.AsEnumerable());
    }

    [Fact]
    public void A_key_for_another_environment_is_not_used()
    {
        variables["SECRETS_BUILD_KEY_STAGING"] = KeyText.Format(RandomNumberGenerator.GetBytes(32));

        var resolution = Locator("production").Resolve();

        Assert.False(resolution.Found);
        Assert.Empty(resolution.Diagnostics);
    }

    [Fact]
    public void Passphrases_come_after_keys_environment_specific_first()
    {
        variables["SECRETS_BUILD_PASSPHRASE_PRODUCTION"] = "production passphrase";
        variables["SECRETS_BUILD_PASSPHRASE"] = "shared passphrase";

        var resolution = Locator().Resolve();

        var key = Assert.IsType<PassphraseKey>(resolution.Key);
        Assert.Equal("production passphrase", key.Passphrase);
        Assert.Equal("environment variable SECRETS_BUILD_PASSPHRASE_PRODUCTION", key.Source);

        variables.Remove("SECRETS_BUILD_PASSPHRASE_PRODUCTION");
        Assert.Equal("shared passphrase", Assert.IsType<PassphraseKey>(Locator().Resolve().Key).Passphrase);
    }

    [Fact]
    public void A_passphrase_is_trimmed_and_a_short_one_gets_a_warning_that_does_not_echo_it()
    {
        variables["SECRETS_BUILD_PASSPHRASE"] = "  tiny-secret\n";

        var resolution = Locator().Resolve();

        Assert.Equal("tiny-secret", Assert.IsType<PassphraseKey>(resolution.Key).Passphrase);
        var warning = Assert.Single(resolution.Diagnostics);
        Assert.Equal(DiagnosticCodes.PassphraseTooShort, warning.Code);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.DoesNotContain("tiny-secret", warning.ToString());

        variables["SECRETS_BUILD_PASSPHRASE"] = "correct horse battery staple";
        Assert.Empty(Locator().Resolve().Diagnostics);
    }

    [Fact]
    public void The_key_file_comes_last()
    {
        var created = Locator().CreateKeyFile();

        var resolution = Locator().Resolve();

        var key = Assert.IsType<RawKey>(resolution.Key);
        Assert.Equal(created.Key, key.Key);
        Assert.Equal(DefaultKeyFile, key.Source);
        Assert.Equal(
            [
                "environment variable SECRETS_BUILD_KEY_PRODUCTION (not set)",
                "environment variable SECRETS_BUILD_KEY (not set)",
                "environment variable SECRETS_BUILD_PASSPHRASE_PRODUCTION (not set)",
                "environment variable SECRETS_BUILD_PASSPHRASE (not set)",
                $"key file {DefaultKeyFile}",
            ],
            resolution.PlacesLooked.AsEnumerable());
    }

    [Fact]
    public void A_key_file_text_pasted_into_the_variable_is_the_same_key()
    {
        var created = Locator().CreateKeyFile();
        var fileText = File.ReadAllText(DefaultKeyFile);
        File.Delete(DefaultKeyFile);
        variables["SECRETS_BUILD_KEY_PRODUCTION"] = fileText;

        var fromVariable = Assert.IsType<RawKey>(Locator().Resolve().Key);

        Assert.Equal(created.Key, fromVariable.Key);
        Assert.Equal(created.Id, fromVariable.Id);
    }

    [Fact]
    public void Nothing_found_lists_every_place_looked()
    {
        var resolution = Locator().Resolve();

        Assert.False(resolution.Found);
        Assert.False(resolution.HasErrors);
        Assert.Equal(5, resolution.PlacesLooked.Length);
        Assert.Equal($"key file {DefaultKeyFile} (not found)", resolution.PlacesLooked[^1]);
    }

    [Fact]
    public void A_malformed_variable_is_an_error_that_names_it_without_echoing_it_and_stops_the_search()
    {
        const string pasted = "sbk1:this-is-not-a-valid-key-at-all";
        variables["SECRETS_BUILD_KEY_PRODUCTION"] = pasted;
        Locator().CreateKeyFile();

        var resolution = Locator().Resolve();

        Assert.Null(resolution.Key);
        Assert.True(resolution.HasErrors);
        var error = Assert.Single(resolution.Diagnostics);
        Assert.Equal(DiagnosticCodes.KeyTextMalformed, error.Code);
        Assert.Equal(SecretsSeverity.Error, error.Severity);
        Assert.Contains("SECRETS_BUILD_KEY_PRODUCTION", error.Message);
        Assert.Contains("sbk1:", error.Fix);
        Assert.DoesNotContain("this-is-not", error.ToString());
    }

    [Fact]
    public void A_malformed_key_file_is_an_error_at_that_file()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultKeyFile)!);
        File.WriteAllText(DefaultKeyFile, "not a key\n");

        var resolution = Locator().Resolve();

        Assert.Null(resolution.Key);
        var error = Assert.Single(resolution.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.KeyTextMalformed, error.Code);
        Assert.Equal(DefaultKeyFile, error.Location?.File);
        Assert.DoesNotContain("not a key", error.ToString());
    }

    [Fact]
    public void An_oversized_key_file_is_refused_without_reading_it()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DefaultKeyFile)!);
        File.WriteAllText(DefaultKeyFile, new string('A', 4096));

        var error = Assert.Single(Locator().Resolve().Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.Equal(DiagnosticCodes.KeyTextMalformed, error.Code);
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Creating_a_key_file_writes_the_key_text_with_mode_600_in_a_700_folder()
    {
        var key = Locator().CreateKeyFile();

        Assert.Equal(DefaultKeyFile, key.Source);
        Assert.Equal(KeyText.Format(key.Key) + "\n", File.ReadAllText(DefaultKeyFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DefaultKeyFile));
        var folder = Path.GetDirectoryName(DefaultKeyFile)!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal([DefaultKeyFile], Directory.GetFiles(folder));
        Assert.Empty(Locator().Resolve().Diagnostics);
    }

    [Fact]
    public void An_existing_key_file_is_never_overwritten()
    {
        Locator().CreateKeyFile();
        var before = File.ReadAllText(DefaultKeyFile);

        var error = Assert.Throws<SecretsException>(() => Locator().CreateKeyFile());

        Assert.Equal(DiagnosticCodes.KeyFileAlreadyExists, error.Code);
        Assert.Equal(before, File.ReadAllText(DefaultKeyFile));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(DefaultKeyFile)!));
    }

    [Fact]
    public void Racing_creators_end_with_one_key_that_everyone_can_read()
    {
        var results = new RawKey?[8];
        var errors = new SecretsException?[8];
        Parallel.For(0, results.Length, i =>
        {
            try
            {
                results[i] = Locator().CreateKeyFile();
            }
            catch (SecretsException e)
            {
                errors[i] = e;
            }
        });

        var winner = Assert.Single(results, r => r is not null);
        Assert.All(errors.Where(e => e is not null), e => Assert.Equal(DiagnosticCodes.KeyFileAlreadyExists, e!.Code));
        Assert.Equal(winner!.Key, Assert.IsType<RawKey>(Locator().Resolve().Key).Key);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(DefaultKeyFile)!));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Too_open_modes_warn_with_the_chmod_fix_and_are_left_alone()
    {
        Locator().CreateKeyFile();
        var folder = Path.GetDirectoryName(DefaultKeyFile)!;
        File.SetUnixFileMode(DefaultKeyFile, (UnixFileMode)0b110_100_100);   // 644
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);           // 755

        var resolution = Locator().Resolve();

        Assert.True(resolution.Found);
        var fileWarning = Assert.Single(resolution.Diagnostics, d => d.Code == DiagnosticCodes.KeyFileModeTooOpen);
        var folderWarning = Assert.Single(resolution.Diagnostics, d => d.Code == DiagnosticCodes.KeyDirectoryModeTooOpen);
        Assert.Equal(SecretsSeverity.Warning, fileWarning.Severity);
        Assert.Contains("644", fileWarning.Message);
        Assert.Equal($"Run: chmod 600 '{DefaultKeyFile}'", fileWarning.Fix);
        Assert.Equal($"Run: chmod 700 '{folder}'", folderWarning.Fix);
        Assert.Equal((UnixFileMode)0b110_100_100, File.GetUnixFileMode(DefaultKeyFile));
    }

    [Fact]
    public void The_key_folder_follows_option_then_variable_then_XDG_then_home()
    {
        variables["XDG_CONFIG_HOME"] = temp.Combine("xdg");
        Assert.Equal(temp.Combine("xdg", "secrets-build", "keys"), Locator().KeyDirectoryPath);

        variables["SECRETS_BUILD_KEY_DIR"] = temp.Combine("from-variable");
        Assert.Equal(temp.Combine("from-variable"), Locator().KeyDirectoryPath);

        Assert.Equal(temp.Combine("option"), Locator(keyDirectory: temp.Combine("option")).KeyDirectoryPath);
        Assert.Equal(temp.Combine("option", $"{StoreId}.production.key"), Locator(keyDirectory: temp.Combine("option")).KeyFilePath);
    }

    [Fact]
    public void A_relative_key_folder_option_is_relative_to_the_workspace()
    {
        var workspace = temp.Combine("repo");

        var locator = Locator(keyDirectory: Path.Combine("..", "repo-keys"), workspace: workspace);

        Assert.Equal(temp.Combine("repo-keys"), locator.KeyDirectoryPath);
    }

    [Fact]
    public void A_relative_XDG_CONFIG_HOME_is_ignored_as_the_XDG_spec_says()
    {
        variables["XDG_CONFIG_HOME"] = "relative/config";
        Assert.Equal(temp.Combine("home", ".config", "secrets-build", "keys"), Locator().KeyDirectoryPath);
    }

    [Fact]
    public void Windows_uses_APPDATA()
    {
        variables.Remove("HOME");
        var appData = Path.Combine(Path.GetPathRoot(temp.Path)!, "Users", "me", "AppData", "Roaming");
        variables["APPDATA"] = appData;

        var locator = new KeyLocator("production", StoreId, variables, null, null, windows: true);

        Assert.Equal(Path.Combine(appData, "secrets-build", "keys"), locator.KeyDirectoryPath);
    }

    [Fact]
    public void Environment_names_map_to_variable_suffixes_and_file_names()
    {
        var specific = RandomNumberGenerator.GetBytes(32);
        variables["SECRETS_BUILD_KEY_QA_EU"] = KeyText.Format(specific);

        var locator = Locator("qa-eu");

        Assert.Equal(specific, Assert.IsType<RawKey>(locator.Resolve().Key).Key);
        Assert.EndsWith($"{StoreId}.qa_eu.key", locator.KeyFilePath);
    }

    [Fact]
    public void A_key_folder_inside_the_workspace_is_refused()
    {
        var workspace = temp.Combine("repo");
        Directory.CreateDirectory(workspace);

        var locator = Locator(keyDirectory: Path.Combine(workspace, "keys"), workspace: workspace);

        var created = Assert.Throws<SecretsException>(() => locator.CreateKeyFile());
        Assert.Equal(DiagnosticCodes.KeyDirectoryInsideWorkspace, created.Code);
        Assert.False(Directory.Exists(Path.Combine(workspace, "keys")));
        var resolved = Assert.Single(locator.Resolve().Diagnostics);
        Assert.Equal(DiagnosticCodes.KeyDirectoryInsideWorkspace, resolved.Code);

        var besideWorkspace = Locator(keyDirectory: temp.Combine("repo-keys"), workspace: workspace);
        besideWorkspace.CreateKeyFile();
        Assert.True(besideWorkspace.Resolve().Found);
    }

    [UnixFact]
    public void A_key_folder_that_is_a_symbolic_link_into_the_workspace_is_refused()
    {
        var workspace = temp.Combine("repo");
        Directory.CreateDirectory(Path.Combine(workspace, "keys"));
        // Outside as written, inside for real: the comparison must follow the link.
        var linkedKeys = temp.Combine("keys-link");
        Directory.CreateSymbolicLink(linkedKeys, Path.Combine(workspace, "keys"));
        var linkedParent = temp.Combine("repo-link");
        Directory.CreateSymbolicLink(linkedParent, "repo");

        foreach (var keyDirectory in new[] { linkedKeys, Path.Combine(linkedParent, "keys"), Path.Combine(linkedParent, "new-keys") })
        {
            var locator = Locator(keyDirectory: keyDirectory, workspace: workspace);

            var created = Assert.Throws<SecretsException>(() => locator.CreateKeyFile());
            Assert.Equal(DiagnosticCodes.KeyDirectoryInsideWorkspace, created.Code);
            Assert.Equal(DiagnosticCodes.KeyDirectoryInsideWorkspace, Assert.Single(locator.Resolve().Diagnostics).Code);
        }

        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(workspace, "keys")));
        Assert.False(Directory.Exists(Path.Combine(workspace, "new-keys")));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void Every_folder_created_on_the_way_to_a_new_key_folder_is_mode_700()
    {
        var home = temp.Combine("home");
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);   // 755, the user's own: left alone

        Locator().CreateKeyFile();

        var created = new[] { ".config", ".config/secrets-build", ".config/secrets-build/keys" };
        Assert.All(created, folder => Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.Combine(home, folder))));
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(home));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void An_existing_open_key_folder_warns_before_the_first_key_is_written_into_it()
    {
        var folder = Path.GetDirectoryName(DefaultKeyFile)!;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);   // 755

        var resolution = Locator().Resolve();

        Assert.False(resolution.Found);
        var warning = Assert.Single(resolution.Diagnostics);
        Assert.Equal(DiagnosticCodes.KeyDirectoryModeTooOpen, warning.Code);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Equal($"Run: chmod 700 '{folder}'", warning.Fix);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void Without_any_folder_source_the_key_file_is_unknown()
    {
        variables.Remove("HOME");

        var locator = Locator();

        Assert.Null(locator.KeyFilePath);
        var warning = Assert.Single(locator.Resolve().Diagnostics);
        Assert.Equal(DiagnosticCodes.KeyDirectoryUnknown, warning.Code);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.KeyDirectoryUnknown, Assert.Throws<SecretsException>(() => locator.CreateKeyFile()).Code);
    }

    [Fact]
    public void The_missing_key_error_names_the_store_the_key_it_needs_and_how_to_supply_it()
    {
        var resolution = Locator().Resolve();

        var error = resolution.MissingKeyError("secrets/.env.production.json", ["0123456789abcdef"]);

        Assert.Equal(DiagnosticCodes.KeyNotFound, error.Code);
        Assert.Equal(SecretsSeverity.Error, error.Severity);
        Assert.Equal("secrets/.env.production.json", error.Location?.File);
        Assert.Contains("0123456789abcdef", error.Message);
        Assert.Contains("SECRETS_BUILD_KEY_PRODUCTION (not set)", error.Message);
        Assert.Contains(DefaultKeyFile, error.Message);
        Assert.Contains("set SECRETS_BUILD_KEY_PRODUCTION", error.Fix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a.b")]
    public void A_store_id_must_be_safe_in_a_file_name(string storeId)
    {
        Assert.Throws<ArgumentException>(() => new KeyLocator("production", storeId, variables));
    }
}
