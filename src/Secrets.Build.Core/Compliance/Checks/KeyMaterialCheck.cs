using System.Text.RegularExpressions;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Keys;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>
/// Check 3: the key is outside the workspace and only its owner can read it; no key file lies in the
/// workspace. A KMS key that opens the store counts as off-machine.
/// </summary>
internal sealed partial class KeyMaterialCheck : ComplianceCheck
{
    private const UnixFileMode OthersMayRead =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;

    // Folders a walk of the workspace never needs to enter: version control and restored or built files.
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "node_modules", "bin", "obj" };

    public override string Id => DiagnosticCodes.ComplianceKeyMaterial;

    public override string Title => "Key material is outside the workspace and readable by its owner only";

    public override string Source => "NIST SP 800-57 Part 1 Rev. 5 section 6.2.2 (protection of keying material); OWASP Secrets Management Cheat Sheet";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Critical;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        var problems = new List<string>();
        var files = new List<string>();
        var stray = StrayKeyFiles(context.Workspace).ToList();
        if (stray.Count > 0)
        {
            problems.Add($"key files inside the workspace: {string.Join(", ", stray)}");
            files.AddRange(stray);
        }

        if (context.Access.Keys?.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.KeyDirectoryInsideWorkspace) is { } inside)
        {
            problems.Add(inside.Message);
        }

        var evidence = "no key was found for this environment";
        if (context.Access.Keys is { Key: { } key })
        {
            if (FileModesCheck.KeyFile(context) is { } keyFile)
            {
                evidence = $"the key comes from the file {keyFile}";
                if (KeyDirectory.IsInside(keyFile, context.Workspace))
                {
                    problems.Add($"the key file {keyFile} is inside the workspace");
                    files.Add(keyFile);
                }

                if (FileModes.Read(keyFile) is { } mode && (mode & OthersMayRead) != 0)
                {
                    problems.Add($"the key file {keyFile} is mode {FileModes.ToOctal(mode)}: other users may read it");
                    files.Add(keyFile);
                }
            }
            else
            {
                evidence = $"the key comes from the {key.Source}, not from a file";
            }
        }
        else if (context.Access.OpenedThroughKms is { } kms)
        {
            // A key management service holds the key: off this machine and off the workspace by construction.
            evidence = $"no key of this machine opens the store; the {kms.Source} does, and it never leaves the key management service (off-machine)";
        }

        if (problems.Count > 0)
        {
            return Result(context, ComplianceStatus.Fail, string.Join("; ", problems) + ".",
                "Move key files to the per-user key folder or SECRETS_BUILD_KEY_DIR outside the workspace, chmod 600 them, and rotate the keys if they were ever committed or shared.",
                [.. files.Distinct()]);
        }

        if (context.Access.Keys?.Key is null && context.Access.OpenedThroughKms is null)
        {
            return Skip(context, $"No stray key file in the workspace, but {evidence} ({context.Access.DescribeUnavailable()}), so its storage could not be checked.");
        }

        return Pass(context, $"{char.ToUpperInvariant(evidence[0])}{evidence[1..]}; it is outside the workspace and private; no key file lies in the workspace.");
    }

    private static IEnumerable<string> StrayKeyFiles(string workspace)
    {
        var pending = new Stack<string>();
        pending.Push(workspace);
        var options = new EnumerationOptions { IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(folder, "*.key", options))
            {
                if (KeyFileName().IsMatch(Path.GetFileName(file)))
                {
                    yield return file;
                }
            }

            foreach (var child in Directory.EnumerateDirectories(folder, "*", options))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    // <storeId>.<env>.key, as KeyLocator names key files.
    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}\\.[a-z0-9_-]+\\.key$")]
    private static partial Regex KeyFileName();
}
