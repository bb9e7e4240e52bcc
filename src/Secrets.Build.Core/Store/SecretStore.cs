using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Store;

/// <summary>
/// One environment's secrets, decrypted in memory: the committed, encrypted
/// <c>secrets/.env.&lt;env&gt;.json</c> and its <c>.metadata</c> file, opened with the
/// environment's key. Not thread-safe; open, change and save it while holding the
/// environment's <see cref="WorkspaceLock"/> (<see cref="StorePaths.LockPath"/>).
/// </summary>
/// <remarks>
/// Values are AES-256-GCM encrypted with a random data key that the environment key wraps.
/// Saving re-uses the exact nonce and ciphertext of every value that did not change, so a
/// commit shows only the secrets that really changed. <see cref="ToString"/> never shows a value.
/// </remarks>
internal sealed partial class SecretStore : IDisposable
{
    private readonly List<KeyWrapDocument> _keys;
    private readonly byte[] _dataKey;
    private HmacSha256Key _fingerprintKey;

    // The data and fingerprint keys are imported once for every value this store encrypts, decrypts
    // or fingerprints; importing them per value made 10,000 secrets cost seconds.
    private AesGcm256Key _valueKey;
    private readonly OrdinalMap<StoredSecret> _secrets;

    // The secrets as opened, so a save that changes none of them re-uses their verified MAC.
    private StoreSnapshot? _loaded;

    // 0 for a new store and for one written before generations existed (see Generation).
    private int _generation;

    // The MAC of the files as last opened or saved, or null before the first save: a save whose
    // MAC at the same generation equals it changes nothing but the files' formatting.
    private byte[]? _savedMac;
    private bool _disposed;

    private SecretStore(StorePaths paths, string storeId, List<KeyWrapDocument> keys, byte[] dataKey, OrdinalMap<StoredSecret> secrets)
    {
        Paths = paths;
        StoreId = storeId;
        _keys = keys;
        _dataKey = dataKey;
        var fingerprintKey = StoreIntegrity.FingerprintKey(dataKey);
        _fingerprintKey = new HmacSha256Key(fingerprintKey);
        CryptographicOperations.ZeroMemory(fingerprintKey);
        _valueKey = AesGcm256.ImportKey(dataKey);
        _secrets = secrets;
    }

    /// <summary>The files this store is read from and saved to.</summary>
    public StorePaths Paths { get; }

    /// <summary>A random id given at creation; key files are named after it.</summary>
    public string StoreId { get; }

    /// <summary>
    /// How many saves changed this store: 1 after the first, one more with each save that writes.
    /// 0 for a store not yet saved, and for one written before generations existed until its
    /// next changing save. Covered by the store MAC, so it can be compared with what this machine
    /// saw before (the trust record) to notice an older copy put back.
    /// </summary>
    public int Generation => _generation;

    /// <summary>The lower-case environment name.</summary>
    public string Environment => Paths.Environment;

    /// <summary>The stored secret names in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. _secrets.Names];

    /// <summary>The ids of the keys that can open this store (<c>kind id</c>, e.g. <c>key 1a2b3c4d5e6f7081</c>).</summary>
    public IReadOnlyList<string> KeyIds => [.. _keys.Select(k => $"{k.Kind} {k.KeyId}")];

    /// <summary>
    /// True when the environment has a store: its file, or its metadata. A store whose file
    /// went missing must be reported by <see cref="Open(StorePaths, KeyMaterial)"/> (which also
    /// completes a first save that crashed between its renames), never silently created anew.
    /// A pending file alone is a first save that never got as far as its metadata: no store.
    /// </summary>
    public static bool Exists(StorePaths paths) =>
        File.Exists(paths.StorePath) || File.Exists(paths.MetadataPath);

    /// <summary>
    /// A new, empty store for <paramref name="paths"/>' environment with a fresh store id and
    /// data key wrapped by <paramref name="key"/>. Nothing is written until <see cref="Save()"/>.
    /// </summary>
    public static SecretStore Create(StorePaths paths, KeyMaterial key) => Create(paths, key, StoreSecurity.Default);

    /// <summary>
    /// Opens and verifies the environment's store: the key, every value's authentication and
    /// the MAC over store and metadata.
    /// </summary>
    /// <exception cref="SecretsException">
    /// With a SECB23x/24x code when a file is missing, too large, truncated, not JSON, of an
    /// unknown version or environment, tampered with, or when the key is not the store's.
    /// Nothing is ever written or regenerated on failure.
    /// </exception>
    public static SecretStore Open(StorePaths paths, KeyMaterial key) => Open(paths, key, StoreSecurity.Default);

    /// <summary>
    /// Opens the environment's store, or creates a new empty one when the environment has
    /// none yet. A metadata file without its store means the store was deleted or lost: that
    /// is an error, never a reason to start over with new values.
    /// </summary>
    /// <exception cref="SecretsException">As <see cref="Open(StorePaths, KeyMaterial)"/>.</exception>
    public static SecretStore OpenOrCreate(StorePaths paths, KeyMaterial key) => OpenOrCreate(paths, key, StoreSecurity.Default);

    internal static SecretStore OpenOrCreate(StorePaths paths, KeyMaterial key, StoreSecurity security)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Exists(paths) ? Open(paths, key, security) : Create(paths, key, security);
    }

    internal static SecretStore Create(StorePaths paths, KeyMaterial key, StoreSecurity security) =>
        Create(paths, key, NewStoreId(), security);

    internal static SecretStore Create(StorePaths paths, KeyMaterial key, string storeId, StoreSecurity security)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(key);
        if (storeId.Length != StoreFormat.StoreIdBytes * 2 || !storeId.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A store id is 32 lower-case hex digits; use NewStoreId().", nameof(storeId));
        }

        var dataKey = SensitiveBuffers.Track(RandomNumberGenerator.GetBytes(StoreFormat.DataKeyBytes));
        var wrapping = DataKeyWrapping.Wrap(dataKey, key, storeId, paths.Environment, security);
        return new SecretStore(paths, storeId, [wrapping], dataKey, new OrdinalMap<StoredSecret>());
    }

    /// <param name="paths">The environment's files.</param>
    /// <param name="key">The key to open with.</param>
    /// <param name="security">The key-derivation limits.</param>
    /// <param name="parsed">The store file as <see cref="ReadStoreFile"/> already parsed it under the same lock, or null to read it.</param>
    internal static SecretStore Open(StorePaths paths, KeyMaterial key, StoreSecurity security, ParsedStoreFile? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(key);
        var loaded = StoreLoader.Load(paths, key, security, parsed);
        return new SecretStore(paths, loaded.StoreId, loaded.Keys, loaded.DataKey, loaded.Secrets)
        {
            _retiredKeys = loaded.RetiredKeys,
            _loaded = loaded.Snapshot,
            _generation = loaded.Generation,
            _savedMac = loaded.Mac,
        };
    }

    /// <summary>
    /// Lets <paramref name="key"/> open this store too (a second key, or a passphrase next to
    /// a key file), without re-encrypting any value. Returns false when it already can.
    /// Takes effect on <see cref="Save()"/>.
    /// </summary>
    public bool AddKey(KeyMaterial key) => AddKey(key, StoreSecurity.Default);

    internal bool AddKey(KeyMaterial key, StoreSecurity security)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(key);
        if (key is RawKey raw && _keys.Any(k => k.Kind == StoreFormat.KindKey && k.KeyId == raw.Id))
        {
            return false;
        }

        // A passphrase entry has its own salt, so an equal passphrase cannot be recognised
        // without deriving; try to open with it first.
        if (key is PassphraseKey && CanUnwrap(key, security))
        {
            return false;
        }

        _keys.Add(DataKeyWrapping.Wrap(_dataKey, key, StoreId, Environment, security));
        return true;
    }

    /// <summary>True when the store holds <paramref name="name"/>.</summary>
    public bool Contains(string name)
    {
        ThrowIfDisposed();
        return _secrets.ContainsKey(name);
    }

    /// <summary>The non-secret facts about <paramref name="name"/>.</summary>
    public SecretMetadata GetMetadata(string name) => Get(name).Metadata;

    /// <summary>
    /// The plaintext value of <paramref name="name"/>. Strings cannot be wiped from memory;
    /// call this only where a value must leave the store (the output writers).
    /// </summary>
    public string Reveal(string name) => ObservedValues.Report(name, Encoding.UTF8.GetString(Get(name).Plaintext));

    /// <summary>
    /// The value <paramref name="name"/> had at <paramref name="version"/>: the current one or a
    /// retired one, so a rotation can be undone.
    /// </summary>
    public string RevealVersion(string name, int version)
    {
        var secret = Get(name);
        if (version == secret.Version)
        {
            return ObservedValues.Report(name, Encoding.UTF8.GetString(secret.Plaintext));
        }

        var retired = secret.Retired.FirstOrDefault(r => r.Version == version)
            ?? throw StoreErrors.At(DiagnosticCodes.SecretNotInStore, Paths.StorePath,
                $"The store keeps no version {version} of {name} (current: {secret.Version}, retired: {string.Join(", ", secret.Retired.Select(r => r.Version))}).",
                "Ask for the current version or one of the retired versions listed.");
        if (!_valueKey.TryDecrypt(retired.Nonce, retired.Ciphertext, StoreIntegrity.ValueAad(StoreId, Environment, name, version), out var padded)
            || !ValuePadding.TryUnpad(padded, out var plaintext))
        {
            throw StoreErrors.ValueTampered(Paths.StorePath, $"retired version {version} of {name}");
        }

        try
        {
            return ObservedValues.Report(name, Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The versions this secret had before its current one, oldest first.</summary>
    public IReadOnlyList<int> RetiredVersions(string name) => [.. Get(name).Retired.Select(r => r.Version)];

    /// <summary>
    /// Stores <paramref name="value"/> for <paramref name="name"/>. The same value again changes
    /// nothing; a different value becomes the next version and the previous one is retired.
    /// </summary>
    /// <param name="name">An environment-variable style name.</param>
    /// <param name="value">The value; never logged.</param>
    /// <param name="source">Where the value came from.</param>
    /// <param name="now">The time recorded as created or rotated (UTC, whole seconds).</param>
    /// <param name="nextRotation">When the value is due for rotation, or null for none.</param>
    public SetOutcome Set(string name, string value, SecretSource source, DateTimeOffset now, DateTimeOffset? nextRotation)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(value);
        ObservedValues.Report(name ?? string.Empty, value);
        if (name is null || !VariableName().IsMatch(name))
        {
            throw new ArgumentException("A secret name is letters, digits and underscores, not starting with a digit.", nameof(name));
        }

        var plaintext = SensitiveBuffers.Track(Encoding.UTF8.GetBytes(value));
        var time = StoreFormat.TruncateToSeconds(now);
        var next = nextRotation is { } due ? StoreFormat.TruncateToSeconds(due) : (DateTimeOffset?)null;
        _secrets.TryGetValue(name, out var current);
        if (current is not null && CryptographicOperations.FixedTimeEquals(current.Plaintext, plaintext))
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return SetOutcome.Unchanged;
        }

        var version = (current?.Version ?? 0) + 1;
        var nonce = AesGcm256.NewNonce();
        var padded = ValuePadding.Pad(plaintext);
        byte[] ciphertext;
        try
        {
            ciphertext = _valueKey.Encrypt(nonce, padded, StoreIntegrity.ValueAad(StoreId, Environment, name, version));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(padded);
        }
        var retired = current is null
            ? []
            : current.Retired.Append(new RetiredVersion(current.Version, time, current.Nonce, current.Ciphertext)).ToList();
        var metadata = new SecretMetadata(
            version,
            current?.Metadata.CreatedAt ?? time,
            time,
            next,
            source,
            StoreIntegrity.Fingerprint(_fingerprintKey, plaintext));

        current?.Clear();
        _secrets[name] = new StoredSecret
        {
            Version = version,
            Nonce = nonce,
            Ciphertext = ciphertext,
            Retired = retired,
            Plaintext = plaintext,
            Metadata = metadata,
        };
        return current is null ? SetOutcome.Added : SetOutcome.Changed;
    }

    /// <summary>
    /// Writes the store and its metadata, each atomically, mode 600 in a 700 <c>secrets/</c>
    /// folder. Files whose content would not change are not touched. Returns true when
    /// something was written.
    /// </summary>
    /// <remarks>
    /// Two files cannot be replaced in one atomic step, so the store goes first to a pending
    /// file, then the metadata is replaced, then the pending store is renamed into place. A
    /// crash before the metadata rename leaves the old pair; a crash after it leaves a pair
    /// whose MAC fails together with a complete pending store that matches the new metadata,
    /// which the next <see cref="Open(StorePaths, KeyMaterial)"/> renames into place.
    /// </remarks>
    /// <exception cref="SecretsException">SECB248 when a file cannot be written.</exception>
    public bool Save() => Save(afterMetadata: null);

    /// <summary>Save with a hook between the metadata rename and the store rename, for crash tests.</summary>
    internal bool Save(Action? afterMetadata)
    {
        ThrowIfDisposed();
        // First as the files are now (same generation): equal bytes mean nothing changed and
        // nothing is written. The same MAC means the same content in another formatting, which
        // is written back at the same generation. Anything else is a new generation. A store
        // without a generation yet gets one with its first write: its MAC does not cover the
        // key list, so it cannot tell a formatting change from a changed key entry.
        (byte[] Store, byte[] Metadata, byte[] Mac) files = default;
        var next = _generation + 1;
        if (_savedMac is not null)
        {
            files = StoreWriter.Serialize(StoreId, Environment, _generation, _keys, _secrets, _dataKey, _retiredKeys, _loaded);
            if (SameContent(Paths.StorePath, files.Store) && SameContent(Paths.MetadataPath, files.Metadata))
            {
                return false;
            }

            if (_generation > 0 && CryptographicOperations.FixedTimeEquals(files.Mac, _savedMac))
            {
                next = _generation;
            }
        }

        if (next != _generation)
        {
            files = StoreWriter.Serialize(StoreId, Environment, next, _keys, _secrets, _dataKey, _retiredKeys, _loaded);
        }

        var (storeBytes, metadataBytes) = (files.Store, files.Metadata);
        FileModes.EnsurePrivateDirectory(Paths.SecretsDirectory);
        AtomicFile.Write(Paths.PendingStorePath, storeBytes);
        AtomicFile.Write(Paths.MetadataPath, metadataBytes);
        afterMetadata?.Invoke();
        try
        {
            File.Move(Paths.PendingStorePath, Paths.StorePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw StoreErrors.At(DiagnosticCodes.WriteFailed, Paths.StorePath,
                $"Could not move the new store into place: {ex.Message} It is complete in '{Paths.PendingStorePath}' and the next build finishes the move.",
                "Check that the secrets/ folder is writable by the user running the build, then build again.");
        }
        finally
        {
            // Set once the metadata is in place: from then on the next open sees this generation
            // (directly, or by completing the pending store), so a later save must go beyond it.
            _generation = next;
            _savedMac = files.Mac;
        }

        return true;
    }

    // After the data key changed: the imported copies must follow it, or new values would be
    // encrypted and fingerprinted under the retired key.
    private void ReimportKeys(byte[] fingerprintKey)
    {
        _valueKey.Dispose();
        _valueKey = AesGcm256.ImportKey(_dataKey);
        _fingerprintKey.Dispose();
        _fingerprintKey = new HmacSha256Key(fingerprintKey);
    }

    /// <summary>Wipes the data key and every decrypted value from memory.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _loaded?.Dispose();
        if (LocalChainKey is { } localChainKey)
        {
            CryptographicOperations.ZeroMemory(localChainKey);
        }

        _valueKey.Dispose();
        CryptographicOperations.ZeroMemory(_dataKey);
        _fingerprintKey.Dispose();
        foreach (var (_, secret) in _secrets)
        {
            secret.Clear();
        }
    }

    /// <summary>Names the store and its secret count; never a value.</summary>
    public override string ToString() => $"SecretStore {{ Environment = {Environment}, StoreId = {StoreId}, Secrets = {_secrets.Count} }}";

    private static bool SameContent(string path, byte[] content) => AtomicFile.SameBytes(path, content);

    private bool CanUnwrap(KeyMaterial key, StoreSecurity security)
    {
        var probe = new StoreDocument
        {
            Format = StoreFormat.StoreMarker,
            FormatVersion = StoreFormat.Version,
            StoreId = StoreId,
            Environment = Environment,
            Keys = _keys,
            Secrets = new(),
            Mac = string.Empty,
        };
        try
        {
            CryptographicOperations.ZeroMemory(DataKeyWrapping.Unwrap(probe, key, Paths.StorePath, security));
            return true;
        }
        catch (SecretsException ex) when (ex.Code == DiagnosticCodes.WrongKey)
        {
            return false;
        }
    }

    private StoredSecret Get(string name)
    {
        ThrowIfDisposed();
        return _secrets.TryGetValue(name, out var secret)
            ? secret
            : throw StoreErrors.At(DiagnosticCodes.SecretNotInStore, Paths.StorePath,
                $"The store for environment \"{Environment}\" holds no secret named {name}.",
                "Declare it in secrets.schema.json and build, so it is generated or captured.");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
