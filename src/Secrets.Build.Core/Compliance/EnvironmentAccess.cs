using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Compliance;

/// <summary>
/// One environment's store as the report sees it: whether it exists, which key was found, and the
/// opened (verified) store, or the diagnostic that explains why it could not be opened. Unlike
/// provisioning, a report never creates a store or a key.
/// </summary>
internal sealed class EnvironmentAccess : IDisposable
{
    private EnvironmentAccess(StorePaths paths) => Paths = paths;

    public StorePaths Paths { get; }

    public bool Exists { get; private init; }

    public KeyResolution? Keys { get; private init; }

    public SecretStore? Store { get; private init; }

    /// <summary>The key management service key that opened the store when no key of this machine did, else null.</summary>
    public KmsKey? OpenedThroughKms { get; private init; }

    /// <summary>The key that opened <see cref="Store"/>: this machine's, or a KMS key; null when none did.</summary>
    public KeyMaterial? OpenedWith => Store is null ? null : Keys?.Key ?? (KeyMaterial?)OpenedThroughKms;

    /// <summary>Why <see cref="Store"/> is null when the store exists: no key, a wrong key, a damaged or tampered file.</summary>
    public SecretsDiagnostic? Problem { get; private init; }

    /// <summary>True when a key was found but the store refused it or its files failed verification.</summary>
    public bool OpenFailed => Problem is not null && Keys?.Key is not null;

    public static EnvironmentAccess Open(string workspace, string environment, string? keyDirectory, IReadOnlyDictionary<string, string> variables, TimeSpan kmsTimeout)
    {
        var paths = StorePaths.ForWorkspace(workspace, environment);
        if (!SecretStore.Exists(paths))
        {
            return new EnvironmentAccess(paths);
        }

        ParsedStoreFile storeFile;
        try
        {
            storeFile = SecretStore.ReadStoreFile(paths);
        }
        catch (SecretsException ex)
        {
            return new EnvironmentAccess(paths) { Exists = true, Problem = ex.Diagnostics[0] };
        }

        KeyResolution resolution;
        try
        {
            resolution = new KeyLocator(paths.Environment, storeFile.Header.StoreId, variables, keyDirectory, workspace).Resolve();
        }
        catch (ArgumentException)
        {
            // A store id that cannot name a key file: the header was edited.
            return new EnvironmentAccess(paths)
            {
                Exists = true,
                Problem = StoreErrors.BadStructure(paths.StorePath, "storeId is not a store id.").Diagnostics[0],
            };
        }

        if (resolution.Key is not { } key)
        {
            if (OpenThroughKms(paths, workspace, keyDirectory, variables, resolution, storeFile, kmsTimeout) is { } throughKms)
            {
                return throughKms;
            }

            var problem = resolution.Diagnostics.FirstOrDefault(d => d.Severity == SecretsSeverity.Error)
                ?? resolution.MissingKeyError(paths.StorePath, storeFile.Header.KeyIds.ToArray());
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Problem = problem };
        }

        SecretStore? store = null;
        try
        {
            // The file parsed above: the report reads each store once.
            store = SecretStore.Open(paths, key, StoreSecurity.Default, storeFile);
            CheckTrust(store, paths, workspace, keyDirectory, variables);
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Store = store };
        }
        catch (SecretsException ex)
        {
            store?.Dispose();
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Problem = ex.Diagnostics[0] };
        }
    }

    /// <summary>
    /// Without a key on this machine, the store's KMS keys (as a build tries them after the key file);
    /// null when the store has none. A KMS key that fails is the reason the store could not be opened.
    /// </summary>
    private static EnvironmentAccess? OpenThroughKms(StorePaths paths, string workspace, string? keyDirectory, IReadOnlyDictionary<string, string> variables, KeyResolution resolution, ParsedStoreFile storeFile, TimeSpan kmsTimeout)
    {
        if (!storeFile.Document.Keys.Any(KmsKeyWrapping.IsKmsEntry))
        {
            return null;
        }

        var kms = new KmsOpener(paths, kmsTimeout);
        OpenedWorkspace? opened = null;
        try
        {
            opened = kms.TryOpen(storeFile);
            if (opened is null)
            {
                return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Problem = kms.Failures[0] };
            }

            CheckTrust(opened.Store, paths, workspace, keyDirectory, variables);
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Store = opened.Store, OpenedThroughKms = (KmsKey)opened.Key };
        }
        catch (SecretsException ex)
        {
            opened?.Dispose();
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Problem = ex.Diagnostics[0] };
        }
    }

    // Held against this machine's trust record like every open. The trail itself is left to
    // the audit chain check, which verifies it against the recorded head and fails with the code.
    private static void CheckTrust(SecretStore store, StorePaths paths, string workspace, string? keyDirectory, IReadOnlyDictionary<string, string> variables)
    {
        var trust = Trust.EnvironmentTrust.Load(paths, workspace, keyDirectory, variables, new TrustOptions { VerifiesTrail = true });
        trust.AttachChainKey(store);
        trust.CheckOpened(store, throughIdentity: false, keyFilePath: null);
    }

    /// <summary>Why there is no opened store, for a skipped check's evidence.</summary>
    public string DescribeUnavailable() =>
        !Exists ? $"environment '{Paths.Environment}' has no store at {Paths.StorePath}"
        : Problem is { } problem ? $"the store {Paths.StorePath} could not be opened ({problem.Code}: {problem.Message})"
        : string.Empty;

    public void Dispose()
    {
        Store?.Dispose();
        Keys?.Key.Wipe();
        OpenedThroughKms?.Dispose();
    }
}
