using System.Collections.Immutable;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// Copies one environment's files (store, metadata, a pending store, the audit trail and the
/// plaintext outputs) into <c>secrets/backup/&lt;timestamp&gt;/</c> (700, files 600), removes the
/// originals, and can put them back. The folder is git-ignored: it holds plaintext outputs.
/// </summary>
internal sealed class EnvironmentBackup
{
    /// <summary>The folder, inside <c>secrets/</c>, that holds one subfolder per backup.</summary>
    public const string FolderName = BackupFolder.Name;

    private readonly List<(string Original, string Copy)> _files = new();

    private EnvironmentBackup(string directory) => Directory = directory;

    public string Directory { get; }

    public ImmutableArray<string> Originals => [.. _files.Select(f => f.Original)];

    /// <summary>The files of <paramref name="paths"/>' environment that exist now, store first.</summary>
    public static IReadOnlyList<string> ExistingFiles(StorePaths paths, string workspace)
    {
        var trail = AuditTrail.PathFor(paths.SecretsDirectory, paths.Environment);
        var audit = new AuditFiles(trail);
        return new[] { paths.StorePath, paths.PendingStorePath, paths.MetadataPath }
            .Concat(audit.FindRolled().Select(r => r.Path))
            .Append(audit.ActivePath)
            .Concat(OutputPaths.PlaintextOutputs(paths.Environment).Select(o => Path.Combine(workspace, o)))
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>Copies every existing file; on failure nothing is removed and the partial backup stays for inspection.</summary>
    /// <exception cref="SecretsException">SECB555 when a copy cannot be written.</exception>
    public static EnvironmentBackup Take(StorePaths paths, string workspace, DateTimeOffset now)
    {
        var directory = BackupFolder.Next(paths.SecretsDirectory, now);
        var backup = new EnvironmentBackup(directory);
        try
        {
            BackupFolder.Create(directory);
            foreach (var original in ExistingFiles(paths, workspace))
            {
                var copy = Path.Combine(directory, Path.GetFileName(original));
                BackupFolder.CopyPrivately(original, copy);
                backup._files.Add((original, copy));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecretsException)
        {
            var detail = ex is SecretsException secrets ? secrets.Diagnostics[0].Message : ex.Message;
            throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.BackupFailed,
                $"The backup of environment '{paths.Environment}' into {directory} failed, so nothing was replaced: {detail}",
                "Free disk space or fix the folder's permissions (SecretsManager.RepairPermissions), then ask again.",
                SourceLocation.ForFile(directory)));
        }

        return backup;
    }

    /// <summary>Removes the originals: outputs and trail first, the store last, so an interrupted removal still leaves an error (never a silent new store) until it is finished.</summary>
    public void RemoveOriginals()
    {
        foreach (var (original, _) in Enumerable.Reverse(_files))
        {
            File.Delete(original);
        }
    }

    /// <summary>Puts back every backed-up file that is missing now; returns how many.</summary>
    public int RestoreMissing()
    {
        var restored = 0;
        foreach (var (original, copy) in _files.Where(f => !File.Exists(f.Original)))
        {
            BackupFolder.CopyPrivately(copy, original);
            restored++;
        }

        return restored;
    }
}
