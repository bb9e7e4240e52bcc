using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
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

    /// <summary>Why <see cref="Store"/> is null when the store exists: no key, a wrong key, a damaged or tampered file.</summary>
    public SecretsDiagnostic? Problem { get; private init; }

    /// <summary>True when a key was found but the store refused it or its files failed verification.</summary>
    public bool OpenFailed => Problem is not null && Keys?.Key is not null;

    public static EnvironmentAccess Open(string workspace, string environment, string? keyDirectory, IReadOnlyDictionary<string, string> variables)
    {
        var paths = StorePaths.ForWorkspace(workspace, environment);
        if (!SecretStore.Exists(paths))
        {
            return new EnvironmentAccess(paths);
        }

        StoreHeader header;
        try
        {
            header = SecretStore.ReadHeader(paths);
        }
        catch (SecretsException ex)
        {
            return new EnvironmentAccess(paths) { Exists = true, Problem = ex.Diagnostics[0] };
        }

        KeyResolution resolution;
        try
        {
            resolution = new KeyLocator(paths.Environment, header.StoreId, variables, keyDirectory, workspace).Resolve();
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
            var problem = resolution.Diagnostics.FirstOrDefault(d => d.Severity == SecretsSeverity.Error)
                ?? resolution.MissingKeyError(paths.StorePath, header.KeyIds.ToArray());
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Problem = problem };
        }

        SecretStore? store = null;
        try
        {
            store = SecretStore.Open(paths, key);
            // Held against this machine's trust record like every open. The trail itself is left to
            // the audit chain check, which verifies it against the recorded head and fails with the code.
            var trust = Trust.EnvironmentTrust.Load(paths, workspace, keyDirectory, variables, new TrustOptions { VerifiesTrail = true });
            trust.AttachChainKey(store);
            trust.CheckOpened(store, throughIdentity: false, keyFilePath: null);
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Store = store };
        }
        catch (SecretsException ex)
        {
            store?.Dispose();
            return new EnvironmentAccess(paths) { Exists = true, Keys = resolution, Problem = ex.Diagnostics[0] };
        }
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
    }
}
