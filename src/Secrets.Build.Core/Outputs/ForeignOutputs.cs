using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;

namespace Secrets.Build.Core.Outputs;

/// <summary>
/// The plaintext output files of one environment that exist but lack <see cref="OutputMarker"/>:
/// someone else's files under the names Secrets.Build writes. Found before anything is written, so
/// a refusal leaves the store, the key folder and every output as they were.
/// </summary>
internal sealed class ForeignOutputs
{
    private readonly string[] _paths;

    private ForeignOutputs(string[] paths) => _paths = paths;

    /// <summary>Finds the environment's outputs that exist without the marker.</summary>
    /// <param name="workspace">The folder the outputs are written to.</param>
    /// <param name="environment">The lower-case environment name.</param>
    /// <param name="adopted">A file whose values the caller is importing (ImportSecrets): it is moved aside, never refused.</param>
    public static ForeignOutputs Find(string workspace, string environment, string? adopted = null)
    {
        var found = new List<string>(3);
        foreach (var name in OutputPaths.PlaintextOutputs(environment))
        {
            var path = Path.Combine(workspace, name);
            if (File.Exists(path) && !OutputMarker.IsMarked(path))
            {
                found.Add(path);
            }
        }

        return new ForeignOutputs([.. found]) { Adopted = adopted is null ? null : Path.GetFullPath(adopted) };
    }

    private string? Adopted { get; init; }

    /// <summary>
    /// One SECB310 error per foreign file that may not be moved aside; none when
    /// <paramref name="replace"/> (SecretsReplaceForeignOutputs) is set.
    /// </summary>
    public void Refuse(bool replace, List<SecretsDiagnostic> diagnostics)
    {
        if (replace)
        {
            return;
        }

        foreach (var path in _paths)
        {
            if (IsAdopted(path))
            {
                continue;
            }

            var name = Path.GetFileName(path);
            var adopt = name.StartsWith(".env.", StringComparison.Ordinal)
                ? $"To adopt its values into the store: dotnet msbuild -t:ImportSecrets -p:SecretsImportFrom={name} (relative to the project folder); the file then moves to secrets/backup/. "
                : string.Empty;
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.ForeignOutput,
                $"{path} exists but was not written by Secrets.Build (its first line is not the '{OutputMarker.Prefix}' marker), so nothing was written.",
                adopt + "To set it aside instead: build with -p:SecretsReplaceForeignOutputs=true, which moves it to secrets/backup/<time>/ first. "
                + "If another tool needs this file name, give Secrets.Build its own folder with SecretsWorkspace.",
                SourceLocation.ForFile(path)));
        }
    }

    /// <summary>
    /// Moves every foreign file (or only the adopted one, unless <paramref name="replace"/>) into
    /// <c>secrets/backup/&lt;time&gt;/</c> with mode 600 before the outputs are written; one warning per file moved.
    /// </summary>
    /// <exception cref="SecretsException">SECB311 when a copy cannot be written; the original is then kept.</exception>
    public void MoveAside(string secretsDirectory, bool replace, DateTimeOffset now, List<SecretsDiagnostic> diagnostics)
    {
        string? folder = null;
        foreach (var path in _paths)
        {
            if (!replace && !IsAdopted(path))
            {
                continue;
            }

            folder ??= BackupFolder.Next(secretsDirectory, now);
            var copy = Path.Combine(folder, Path.GetFileName(path));
            try
            {
                BackupFolder.Create(folder);
                BackupFolder.CopyPrivately(path, copy);
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecretsException)
            {
                throw new SecretsException(SecretsDiagnostic.Error(DiagnosticCodes.ForeignOutputBackupFailed,
                    $"{path} could not be moved to {copy}, so it was kept and nothing was written: {(ex is SecretsException s ? s.Diagnostics[0].Message : ex.Message)}",
                    "Free disk space or fix the permissions of the secrets folder, or move the file away yourself.",
                    SourceLocation.ForFile(path)));
            }

            diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.ForeignOutput,
                $"{path} was not written by Secrets.Build; it was moved to {copy} before the outputs were written.",
                "Copy anything of another tool's you still need from the backup; the backup folder is git-ignored.",
                SourceLocation.ForFile(copy)));
        }
    }

    private bool IsAdopted(string path) => Adopted is { } adopted && string.Equals(path, adopted, StringComparison.Ordinal);
}
