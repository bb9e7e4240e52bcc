using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// Finds the key of one store's environment. Sources, first match wins:
/// <list type="number">
/// <item><c>SECRETS_BUILD_KEY_&lt;ENV&gt;</c>, then <c>SECRETS_BUILD_KEY</c>: a key in <see cref="KeyText"/> form;</item>
/// <item><c>SECRETS_BUILD_PASSPHRASE_&lt;ENV&gt;</c>, then <c>SECRETS_BUILD_PASSPHRASE</c>: a passphrase the store stretches with Argon2id;</item>
/// <item>the key file <c>&lt;storeId&gt;.&lt;env&gt;.key</c> in the key folder (see <see cref="KeyDirectoryPath"/>).</item>
/// </list>
/// A source that is set but unusable (a malformed key) is an error; the search stops there rather
/// than silently using a different key. Empty variables count as not set, because CI systems
/// often define a variable as empty when the secret behind it is missing. Surrounding whitespace
/// is ignored in keys and passphrases alike, so a trailing newline pasted into a CI setting does
/// not turn into a different key.
/// </summary>
internal sealed partial class KeyLocator
{
    /// <summary>
    /// Shorter passphrases get a warning: the store is committed, so anyone with the repository can
    /// try passphrases offline; Argon2id slows each try but cannot save a short one.
    /// </summary>
    public const int RecommendedPassphraseLength = 16;

    private const int MaxKeyFileBytes = 1024;

    private readonly IReadOnlyDictionary<string, string> variables;
    private readonly bool windows;

    /// <summary>Creates a locator.</summary>
    /// <param name="environment">The environment, e.g. <c>production</c>.</param>
    /// <param name="storeId">The store's id: letters, digits, <c>-</c> and <c>_</c> only (it becomes part of a file name).</param>
    /// <param name="environmentVariables">The variables to read, usually <see cref="EnvironmentSnapshot.FromProcess"/>.</param>
    /// <param name="keyDirectory">An explicit key folder (overrides <c>SECRETS_BUILD_KEY_DIR</c> and the per-user default).</param>
    /// <param name="workspaceDirectory">The workspace; a key folder inside it is refused. Relative key folders resolve against it.</param>
    public KeyLocator(
        string environment,
        string storeId,
        IReadOnlyDictionary<string, string> environmentVariables,
        string? keyDirectory = null,
        string? workspaceDirectory = null)
        : this(environment, storeId, environmentVariables, keyDirectory, workspaceDirectory, OperatingSystem.IsWindows())
    {
    }

    internal KeyLocator(
        string environment,
        string storeId,
        IReadOnlyDictionary<string, string> environmentVariables,
        string? keyDirectory,
        string? workspaceDirectory,
        bool windows)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        ArgumentNullException.ThrowIfNull(environmentVariables);
        if (string.IsNullOrEmpty(storeId) || !SafeStoreId().IsMatch(storeId))
        {
            throw new ArgumentException("A store id is letters, digits, '-' and '_' only.", nameof(storeId));
        }

        Environment = environment;
        StoreId = storeId;
        variables = environmentVariables;
        this.windows = windows;
        WorkspaceDirectory = string.IsNullOrEmpty(workspaceDirectory) ? null : Path.GetFullPath(workspaceDirectory);
        KeyDirectoryPath = KeyDirectory.Find(
            keyDirectory, environmentVariables, windows, WorkspaceDirectory ?? Directory.GetCurrentDirectory());
        KeyFilePath = KeyDirectoryPath is null
            ? null
            : Path.Combine(KeyDirectoryPath, $"{storeId}.{KeyVariables.Suffix(environment).ToLowerInvariant()}.key");
    }

    /// <summary>The environment the key is for.</summary>
    public string Environment { get; }

    /// <summary>The store the key file belongs to.</summary>
    public string StoreId { get; }

    /// <summary>The workspace (full path), if given.</summary>
    public string? WorkspaceDirectory { get; }

    /// <summary>The key folder (full path), or null when no source for it is set (no HOME, APPDATA, ...).</summary>
    public string? KeyDirectoryPath { get; }

    /// <summary>This store and environment's key file, <c>&lt;storeId&gt;.&lt;env&gt;.key</c> in <see cref="KeyDirectoryPath"/>; null when that is unknown.</summary>
    public string? KeyFilePath { get; }

    /// <summary>Looks through the key sources in order; reads files but never writes.</summary>
    public KeyResolution Resolve()
    {
        var places = ImmutableArray.CreateBuilder<string>();
        var diagnostics = ImmutableArray.CreateBuilder<SecretsDiagnostic>();
        var key = FindInVariables(places, diagnostics) ?? FindInKeyFile(places, diagnostics);
        return new KeyResolution(
            diagnostics.Any(d => d.Severity == SecretsSeverity.Error) ? null : key,
            places.ToImmutable(),
            diagnostics.ToImmutable(),
            Environment,
            KeyVariables.KeyFor(Environment),
            KeyFilePath);
    }

    /// <summary>
    /// First run for this store and environment: creates a random 256-bit key and writes it to
    /// <see cref="KeyFilePath"/> (mode 600, folder 700), atomically. Never overwrites an existing key file.
    /// </summary>
    /// <exception cref="SecretsException">SECB254 when the file exists, SECB255 when there is no key folder,
    /// SECB256 when the folder is inside the workspace, SECB257 when writing fails.</exception>
    public RawKey CreateKeyFile()
    {
        var path = KeyFilePath ?? throw new SecretsException(NoKeyDirectory());
        if (InsideWorkspace() is { } inside)
        {
            throw new SecretsException(inside);
        }

        var key = RandomNumberGenerator.GetBytes(AesGcm256.KeySize);
        try
        {
            KeyFileWriter.WriteNew(path, key);
        }
        catch
        {
            CryptographicOperations.ZeroMemory(key);
            throw;
        }

        return new RawKey(key, path);
    }

    private KeyMaterial? FindInVariables(
        ImmutableArray<string>.Builder places,
        ImmutableArray<SecretsDiagnostic>.Builder diagnostics)
    {
        foreach (var name in new[] { KeyVariables.KeyFor(Environment), KeyVariables.SharedKey })
        {
            if (!TryGetVariable(name, places, out var text))
            {
                continue;
            }

            if (KeyText.TryParse(text, out var key))
            {
                return new RawKey(key, $"environment variable {name}");
            }

            diagnostics.Add(MalformedKey($"The environment variable {name}", location: null));
            return null;
        }

        foreach (var name in new[] { KeyVariables.PassphraseFor(Environment), KeyVariables.SharedPassphrase })
        {
            if (TryGetVariable(name, places, out var passphrase))
            {
                passphrase = passphrase.Trim();
                if (passphrase.Length < RecommendedPassphraseLength)
                {
                    diagnostics.Add(SecretsDiagnostic.Warning(
                        DiagnosticCodes.PassphraseTooShort,
                        $"The passphrase in environment variable {name} is shorter than {RecommendedPassphraseLength} characters; the committed store lets anyone with the repository guess it offline.",
                        $"Use a longer passphrase (five or more random words), or a key: set {KeyVariables.KeyFor(Environment)} to the text of a key file."));
                }

                return new PassphraseKey(passphrase, $"environment variable {name}");
            }
        }

        return null;
    }

    private bool TryGetVariable(string name, ImmutableArray<string>.Builder places, out string value)
    {
        if (variables.TryGetValue(name, out var found) && !string.IsNullOrWhiteSpace(found))
        {
            places.Add($"environment variable {name}");
            value = found;
            return true;
        }

        places.Add($"environment variable {name} ({(found is null ? "not set" : "empty")})");
        value = string.Empty;
        return false;
    }

    private RawKey? FindInKeyFile(
        ImmutableArray<string>.Builder places,
        ImmutableArray<SecretsDiagnostic>.Builder diagnostics)
    {
        if (KeyFilePath is not { } path)
        {
            places.Add("key file (no key folder: none of SECRETS_BUILD_KEY_DIR, XDG_CONFIG_HOME, HOME or APPDATA is set)");
            diagnostics.Add(NoKeyDirectory() with { Severity = SecretsSeverity.Warning });
            return null;
        }

        if (InsideWorkspace() is { } inside)
        {
            places.Add($"key file {path} (refused: inside the workspace)");
            diagnostics.Add(inside);
            return null;
        }

        if (!File.Exists(path))
        {
            places.Add($"key file {path} (not found)");
            // A first build writes the new key into this folder: an open folder is worth saying so now.
            var folder = Path.GetDirectoryName(path)!;
            if (Directory.Exists(folder))
            {
                diagnostics.AddRange(KeyFilePermissions.CheckDirectory(folder));
            }

            return null;
        }

        places.Add($"key file {path}");
        diagnostics.AddRange(KeyFilePermissions.Check(path));
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxKeyFileBytes)
            {
                diagnostics.Add(MalformedKey($"The key file {path}", SourceLocation.ForFile(path)));
                return null;
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(SecretsDiagnostic.Error(
                DiagnosticCodes.KeyFileUnreadable,
                $"The key file {path} exists but cannot be read: {e.Message}",
                $"Give your user read access to it (chmod 600 '{path}' as its owner), or set {KeyVariables.KeyFor(Environment)} instead.",
                SourceLocation.ForFile(path)));
            return null;
        }

        if (KeyText.TryParse(text, out var key))
        {
            return new RawKey(key, path);
        }

        diagnostics.Add(MalformedKey($"The key file {path}", SourceLocation.ForFile(path)));
        return null;
    }

    private SecretsDiagnostic MalformedKey(string what, SourceLocation? location) => SecretsDiagnostic.Error(
        DiagnosticCodes.KeyTextMalformed,
        $"{what} does not hold a Secrets.Build key.",
        $"A key is {KeyText.ExpectedForm} (copy the whole line of the key file{(KeyFilePath is null ? string.Empty : $", e.g. {KeyFilePath}")}). " +
        "Check for a truncated copy or a key of another tool.",
        location);

    private SecretsDiagnostic NoKeyDirectory() => SecretsDiagnostic.Error(
        DiagnosticCodes.KeyDirectoryUnknown,
        $"There is no folder for key files: none of {KeyVariables.KeyDirectory}, XDG_CONFIG_HOME, HOME{(windows ? " or APPDATA" : string.Empty)} is set.",
        $"Set {KeyVariables.KeyDirectory} to a folder outside the workspace, or supply the key in {KeyVariables.KeyFor(Environment)}.",
        null);

    private SecretsDiagnostic? InsideWorkspace()
    {
        if (WorkspaceDirectory is null || KeyDirectoryPath is null || !KeyDirectory.IsInside(KeyDirectoryPath, WorkspaceDirectory))
        {
            return null;
        }

        return SecretsDiagnostic.Error(
            DiagnosticCodes.KeyDirectoryInsideWorkspace,
            $"The key folder {KeyDirectoryPath} is inside the workspace {WorkspaceDirectory}, where a key can be committed or deleted by 'git clean'.",
            $"Choose a folder outside the workspace ({KeyVariables.KeyDirectory} or the key folder option), or leave both unset to use the per-user default.",
            SourceLocation.ForFile(KeyDirectoryPath));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex SafeStoreId();
}
