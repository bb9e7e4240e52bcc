using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Compliance;

/// <summary>
/// Everything the checks look at for one report: the schema, the workspace, the environment's opened
/// store (or why it could not be opened), the git repository and, on demand, the other environments'
/// stores. Opened once, shared by every check, disposed (wiping keys and values) when the report is done.
/// </summary>
internal sealed class ComplianceContext : IDisposable
{
    private readonly Dictionary<string, EnvironmentAccess> _others = new(StringComparer.Ordinal);
    private GitRepository? _git;
    private string? _gitUnavailable;
    private SecretsException? _gitTimedOut;

    public ComplianceContext(
        SecretsSchema schema,
        string workspace,
        string environment,
        string? keyDirectory,
        IReadOnlyDictionary<string, string> variables,
        RotationPolicyEvaluator rotation,
        DateTimeOffset now,
        UnixFileMode? secretsDirectoryMode,
        TimeSpan kmsTimeout)
    {
        SecretsDirectoryMode = secretsDirectoryMode;
        Schema = schema;
        Workspace = workspace;
        Environment = environment;
        KeyDirectory = keyDirectory;
        Variables = variables;
        Rotation = rotation;
        Now = now;
        KmsTimeout = kmsTimeout;
        Access = EnvironmentAccess.Open(workspace, environment, keyDirectory, variables, kmsTimeout);
    }

    public SecretsSchema Schema { get; }

    /// <summary>The total time of one KMS call when a store is opened through its KMS keys.</summary>
    public TimeSpan KmsTimeout { get; }

    public string Workspace { get; }

    /// <summary>The lower-case environment the report is for.</summary>
    public string Environment { get; }

    public bool Production => Environment == "production";

    public string? KeyDirectory { get; }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public RotationPolicyEvaluator Rotation { get; }

    public DateTimeOffset Now { get; }

    public EnvironmentAccess Access { get; }

    /// <summary>
    /// The mode <c>secrets/</c> had when the report started. Taking the workspace lock narrows the
    /// folder to 700, so check 1 must judge the mode found before that, not after.
    /// </summary>
    public UnixFileMode? SecretsDirectoryMode { get; }

    public StorePaths Paths => Access.Paths;

    /// <summary>The opened, verified store; null when it does not exist or could not be opened.</summary>
    public SecretStore? Store => Access.Store;

    /// <summary>The repository holding the workspace, or null (see <see cref="GitUnavailableReason"/>).</summary>
    public GitRepository? Git
    {
        get
        {
            // A git that did not answer in time (SECB561) fails every check that asks, without
            // making each of them wait for it again.
            if (_gitTimedOut is not null)
            {
                throw _gitTimedOut;
            }

            if (_git is null && _gitUnavailable is null)
            {
                try
                {
                    _git = GitRepository.Find(Workspace, out var reason);
                    _gitUnavailable = reason;
                }
                catch (SecretsException timedOut)
                {
                    _gitTimedOut = timedOut;
                    throw;
                }
            }

            return _git;
        }
    }

    public string GitUnavailableReason => Git is null ? _gitUnavailable ?? string.Empty : string.Empty;

    /// <summary>A full path in the workspace from a relative output path (<c>/</c> separators).</summary>
    public string InWorkspace(string relative) => Path.GetFullPath(Path.Combine(Workspace, relative));

    /// <summary>Another environment's store, opened once with the key found for it.</summary>
    public EnvironmentAccess Other(string environment)
    {
        if (environment == Environment)
        {
            return Access;
        }

        if (!_others.TryGetValue(environment, out var access))
        {
            _others[environment] = access = EnvironmentAccess.Open(Workspace, environment, KeyDirectory, Variables, KmsTimeout);
        }

        return access;
    }

    public void Dispose()
    {
        Access.Dispose();
        foreach (var other in _others.Values)
        {
            other.Dispose();
        }
    }
}
