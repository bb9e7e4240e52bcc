using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// <c>trust.json</c> in the key folder: outside every workspace, so neither git nor a merge
/// nor <c>git clean</c> can change what this machine remembers. Mode 600, replaced atomically,
/// and read-modify-written under its own lock: environment locks are per workspace, and two
/// workspaces may update the one file at once.
/// </summary>
internal static class TrustFile
{
    public const string FileName = "trust.json";
    /// <summary>Far beyond <see cref="TrustRecord.MaxEntries"/> of each kind; a bigger file is not ours.</summary>
    private const long MaxBytes = 4L * 1024 * 1024;

    public static string PathIn(string keyDirectory) => Path.Combine(keyDirectory, FileName);

    /// <summary>
    /// The record's path in the key folder the operation uses; null without a key folder, or with
    /// one inside the workspace (a record there is one git could change, so none is kept).
    /// </summary>
    public static string? Locate(string? keyDirectory, IReadOnlyDictionary<string, string> variables, string workspace)
    {
        var directory = KeyDirectory.Find(keyDirectory, variables, OperatingSystem.IsWindows(), workspace);
        return directory is null || KeyDirectory.IsInside(directory, workspace) ? null : PathIn(directory);
    }

    /// <summary>The record, or <see cref="TrustRecord.Empty"/> when this machine has none yet.</summary>
    /// <exception cref="SecretsException">SECB707 when the file exists but cannot be read as a trust record.</exception>
    public static TrustRecord Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length == 0)
            {
                // Empty: what a power cut can leave of a file replaced without a flush. Whoever
                // could empty it could delete it, so it means no more than a missing one.
                return TrustRecord.Empty;
            }

            if (info.Length > MaxBytes)
            {
                throw Damaged(path, $"it is {info.Length} bytes, more than any trust record");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Damaged(path, ex.Message);
        }

        try
        {
            return TrustRecordJson.Parse(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw Damaged(path, "it is not a trust record this version can read");
        }
    }

    /// <summary>
    /// The record file's lock, for a read-change-write (<see cref="Read"/>, then <see cref="Write"/>);
    /// null without a key folder. Only an existing key folder gets a record: a machine that keeps
    /// no key or identity files (a build server with keys in variables) gets no folder made for
    /// it, and relies on <c>SecretsMinimumGeneration</c> instead.
    /// </summary>
    public static WorkspaceLock? Lock(string path) =>
        Directory.Exists(Path.GetDirectoryName(path))
            ? WorkspaceLock.Acquire(path + ".lock", WorkspaceLock.DefaultTimeout, ensureDirectory: false)
            : null;

    /// <summary>Replaces the record; call it holding <see cref="Lock"/>.</summary>
    public static void Write(string path, TrustRecord record) =>
        // Not flushed to the device: nothing is lost with it that the next run does not see again,
        // a flush per build is time every build pays, and a record a power cut empties is read
        // as none (above): a new machine.
        AtomicFile.Write(path, TrustRecordJson.Serialize(record), beforeRename: null, durable: false);

    private static SecretsException Damaged(string path, string detail) => new(SecretsDiagnostic.Error(
        DiagnosticCodes.TrustRecordDamaged,
        $"This machine's trust record '{path}' cannot be read: {detail}. It holds the store generations, store ids and audit heads this machine has seen.",
        $"Restore it from a backup, or delete it: the next build then trusts what it finds, as on a new machine, and the checks against older copies start again from there.",
        SourceLocation.ForFile(path)));
}
