using System.Text.RegularExpressions;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Maintenance;

/// <summary>A file or folder that must be private, and what it is (for the message).</summary>
internal sealed record PermissionTarget(string Path, bool IsDirectory, string Description);

/// <summary>
/// Lists every file and folder that holds a secret or a key, as the reference's "Permission
/// Denied" fix does by hand (<c>chmod 700 secrets/; chmod 600 secrets/* .env.&lt;env&gt;</c>):
/// the <c>secrets/</c> folder and everything in it (stores, metadata, audit trails, backups),
/// the plaintext outputs of each environment that has a store, the key folder and its key files.
/// </summary>
internal static partial class PermissionTargets
{
    public static IReadOnlyList<PermissionTarget> Find(string workspace, string? keyDirectory, IReadOnlyDictionary<string, string> variables)
    {
        var targets = new List<PermissionTarget>();
        var secrets = Path.Combine(workspace, StorePaths.SecretsFolderName);
        if (Directory.Exists(secrets))
        {
            targets.Add(new PermissionTarget(secrets, true, "The secrets folder"));
            foreach (var folder in Directory.EnumerateDirectories(secrets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                targets.Add(new PermissionTarget(folder, true, "The folder"));
            }

            foreach (var file in Directory.EnumerateFiles(secrets, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                targets.Add(new PermissionTarget(file, false, "The file"));
            }

            foreach (var environment in Environments(secrets))
            {
                foreach (var output in OutputPaths.PlaintextOutputs(environment))
                {
                    var path = Path.Combine(workspace, output);
                    if (File.Exists(path))
                    {
                        targets.Add(new PermissionTarget(path, false, "The plaintext output"));
                    }
                }
            }
        }

        var keys = KeyDirectory.Find(keyDirectory, variables, OperatingSystem.IsWindows(), workspace);
        if (keys is not null && Directory.Exists(keys))
        {
            targets.Add(new PermissionTarget(keys, true, "The key folder"));
            foreach (var file in Directory.EnumerateFiles(keys, "*.key").Order(StringComparer.Ordinal))
            {
                targets.Add(new PermissionTarget(file, false, "The key file"));
            }
        }

        return targets;
    }

    /// <summary>The environments that have a store or metadata file in <paramref name="secretsDirectory"/>.</summary>
    private static IEnumerable<string> Environments(string secretsDirectory) =>
        Directory.EnumerateFiles(secretsDirectory)
            .Select(f => StoreFileName().Match(Path.GetFileName(f)))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^\.env\.([a-z0-9_-]+)\.(json|metadata)$")]
    private static partial Regex StoreFileName();
}
