using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// <c>trust/</c> in the key folder: outside every workspace, so neither git nor a merge nor
/// <c>git clean</c> can change what this machine remembers. One small file per store and
/// environment (<c>&lt;store id&gt;.&lt;environment&gt;.json</c>) and one per workspace and
/// environment (<c>workspace-&lt;hash of its path&gt;.&lt;environment&gt;.json</c>), so a build
/// reads and writes the same few hundred bytes however many stores the machine has seen. Folder
/// 700, files 600 and replaced atomically; changes are made under the folder's lock, because
/// environment locks are per workspace and two clones of one store may record it at once.
/// </summary>
internal static class TrustFolder
{
    public const string FolderName = "trust";
    private const string WorkspacePrefix = "workspace-";
    private const string LockFileName = ".lock";
    /// <summary>Far beyond a record's size (64 key ids at most); a bigger file is not ours.</summary>
    private const long MaxBytes = 64 * 1024;

    /// <summary>
    /// The trust folder of the key folder the operation uses; null without a key folder, or with
    /// one inside the workspace (a record there is one git could change, so none is kept).
    /// </summary>
    public static string? Locate(string? keyDirectory, IReadOnlyDictionary<string, string> variables, string workspace)
    {
        var directory = KeyDirectory.Find(keyDirectory, variables, OperatingSystem.IsWindows(), workspace);
        return directory is null || KeyDirectory.IsInside(directory, workspace) ? null : Path.Combine(directory, FolderName);
    }

    public static string StorePath(string folder, string storeId, string environment) =>
        Path.Combine(folder, StoreFileName(storeId, environment));

    private static string StoreFileName(string storeId, string environment) => $"{storeId}.{environment}.json";

    /// <summary>The record of a workspace: named by a hash of its full path, which may hold any character.</summary>
    public static string WorkspacePath(string folder, string workspace, string environment)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(workspace));
        return Path.Combine(folder, $"{WorkspacePrefix}{Convert.ToHexStringLower(hash, 0, 16)}.{environment}.json");
    }

    /// <summary>What this machine saw of the store, or null when it saw nothing.</summary>
    /// <exception cref="SecretsException">SECB707 when the record exists but cannot be read, or is another store's.</exception>
    public static StoreTrust? ReadStore(string folder, string storeId, string environment)
    {
        var path = StorePath(folder, storeId, environment);
        if (ReadBytes(path) is not { } bytes)
        {
            return null;
        }

        StoreTrust store;
        try
        {
            store = TrustRecordJson.ParseStore(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw Damaged(path, "it is not a trust record this version can read");
        }

        return store.StoreId == storeId && store.Environment == environment
            ? store
            : throw Damaged(path, $"it is the record of store {store.StoreId} in environment '{store.Environment}', copied under another name");
    }

    /// <summary>Which store the workspace's environment used, or null when none was recorded.</summary>
    /// <exception cref="SecretsException">SECB707 when the record exists but cannot be read, or is another workspace's.</exception>
    public static WorkspaceTrust? ReadWorkspace(string folder, string workspace, string environment)
    {
        var path = WorkspacePath(folder, workspace, environment);
        if (ReadBytes(path) is not { } bytes)
        {
            return null;
        }

        var used = ParseWorkspace(path, bytes);
        return used.Path == workspace && used.Environment == environment
            ? used
            : throw Damaged(path, $"it is the record of workspace '{used.Path}' in environment '{used.Environment}', copied under another name");
    }

    /// <summary>
    /// The folder's lock, for a read-change-write; null without a key folder. Only an existing key
    /// folder gets a trust folder: a machine that keeps no key or identity files (a build server
    /// with keys in variables) gets no folder made for it, and relies on
    /// <c>SecretsMinimumGeneration</c> instead.
    /// </summary>
    public static WorkspaceLock? Lock(string folder)
    {
        if (!Directory.Exists(Path.GetDirectoryName(folder)))
        {
            return null;
        }

        if (!Directory.Exists(folder))
        {
            FileModes.CreatePrivateDirectories(folder);
        }

        return WorkspaceLock.Acquire(Path.Combine(folder, LockFileName), WorkspaceLock.DefaultTimeout, ensureDirectory: false);
    }

    // Not flushed to the device: nothing is lost with a record that the next run does not see
    // again, a flush per build is time every build pays, and a record a power cut empties is
    // read as none (ReadBytes): a new machine.

    /// <summary>Replaces the store's record; call it holding <see cref="Lock"/>.</summary>
    public static void Write(string folder, StoreTrust store) =>
        AtomicFile.Write(StorePath(folder, store.StoreId, store.Environment), TrustRecordJson.Serialize(store), beforeRename: null, durable: false);

    /// <summary>Replaces the workspace's record; call it holding <see cref="Lock"/>.</summary>
    public static void Write(string folder, WorkspaceTrust workspace) =>
        AtomicFile.Write(WorkspacePath(folder, workspace.Path, workspace.Environment), TrustRecordJson.Serialize(workspace), beforeRename: null, durable: false);

    /// <summary>
    /// Forgets the workspaces whose folder is gone, then the stores no remaining workspace uses:
    /// a machine that builds many short-lived folders (tests, CI checkouts) must not collect
    /// records without bound. Called holding <see cref="Lock"/> when a workspace is recorded for
    /// the first time, so a build of a known workspace never lists the folder. A record that
    /// cannot be read stays, and so does every store record then (which stores it names is unknown).
    /// </summary>
    public static void Prune(string folder)
    {
        try
        {
            var inUse = new HashSet<string>(StringComparer.Ordinal);
            var stores = new List<string>();
            var complete = true;
            foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
            {
                var name = Path.GetFileName(file);
                if (!name.StartsWith(WorkspacePrefix, StringComparison.Ordinal))
                {
                    stores.Add(file);
                }
                else if (TryParseWorkspace(file) is not { } used)
                {
                    complete = false;
                }
                else if (Directory.Exists(used.Path))
                {
                    inUse.Add(StoreFileName(used.StoreId, used.Environment));
                }
                else
                {
                    File.Delete(file);
                }
            }

            if (!complete)
            {
                return;
            }

            foreach (var file in stores)
            {
                if (!inUse.Contains(Path.GetFileName(file)))
                {
                    File.Delete(file);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Tidying only: the records this run wrote are in place, and the next new workspace tries again.
        }
    }

    private static WorkspaceTrust? TryParseWorkspace(string path)
    {
        try
        {
            return ReadBytes(path) is { } bytes ? ParseWorkspace(path, bytes) : null;
        }
        catch (SecretsException)
        {
            return null;
        }
    }

    private static WorkspaceTrust ParseWorkspace(string path, byte[] bytes)
    {
        try
        {
            return TrustRecordJson.ParseWorkspace(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            throw Damaged(path, "it is not a trust record this version can read");
        }
    }

    // The file's bytes; null when it does not exist or is empty. Empty is what a power cut can
    // leave of a file replaced without a flush; whoever could empty it could delete it, so it
    // means no more than a missing one.
    private static byte[]? ReadBytes(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0)
            {
                return null;
            }

            return info.Length > MaxBytes
                ? throw Damaged(path, $"it is {info.Length} bytes, more than any trust record")
                : File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // Removed since it was seen (Prune, under the lock this read does not take): no record.
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Damaged(path, ex.Message);
        }
    }

    private static SecretsException Damaged(string path, string detail) => new(SecretsDiagnostic.Error(
        DiagnosticCodes.TrustRecordDamaged,
        $"This machine's trust record '{path}' cannot be read: {detail}. The trust folder holds the store generations, store ids and audit heads this machine has seen.",
        "Restore it from a backup, or delete the file: the next build then trusts what it finds for this store or workspace, as on a new machine, and the checks against older copies start again from there.",
        SourceLocation.ForFile(path)));
}
