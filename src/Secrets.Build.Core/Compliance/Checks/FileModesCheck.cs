using Secrets.Build.Core.Audit;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Outputs;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 1: plaintext outputs, store, metadata, audit trail and key file are 600; <c>secrets/</c> and the key folder 700.</summary>
internal sealed class FileModesCheck : ComplianceCheck
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public override string Id => Diagnostics.DiagnosticCodes.ComplianceFileModes;

    public override string Title => "Secret files are mode 600 and their folders 700";

    public override string Source => "CWE-732 (Incorrect Permission Assignment for Critical Resource); OWASP Secrets Management Cheat Sheet";

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (!FileModes.IsSupported)
        {
            return Skip(context, "Unix file modes do not exist on Windows; there the folder ACLs decide who can read these files.");
        }

        var files = OutputPaths.PlaintextOutputs(context.Environment).Select(context.InWorkspace)
            .Append(context.Paths.StorePath)
            .Append(context.Paths.MetadataPath)
            .Append(AuditTrail.PathFor(context.Paths.SecretsDirectory, context.Environment))
            .ToList();
        var folders = new List<string> { context.Paths.SecretsDirectory };
        if (KeyFile(context) is { } keyFile)
        {
            files.Add(keyFile);
            folders.Add(Path.GetDirectoryName(keyFile)!);
        }

        var checkedPaths = new List<string>();
        var open = new List<(string Path, UnixFileMode Mode, string Wanted)>();
        foreach (var (path, wanted) in files.Where(File.Exists).Select(f => (f, "600"))
                     .Concat(folders.Where(Directory.Exists).Select(d => (d, "700"))))
        {
            checkedPaths.Add(path);
            var mode = path == context.Paths.SecretsDirectory && context.SecretsDirectoryMode is { } found
                ? found
                : File.GetUnixFileMode(path);
            if ((mode & GroupOrOther) != 0)
            {
                open.Add((path, mode, wanted));
            }
        }

        if (checkedPaths.Count == 0)
        {
            return Skip(context, "None of the environment's files exist yet.", "Build once to provision the environment.");
        }

        if (open.Count == 0)
        {
            return Pass(context, $"{checkedPaths.Count} files and folders checked; none is open to group or others.", [.. checkedPaths]);
        }

        return Result(context, ComplianceStatus.Fail,
            $"Open to group or others: {string.Join("; ", open.Select(o => $"{o.Path} is {FileModes.ToOctal(o.Mode)} (expected {o.Wanted})"))}.",
            $"Run: {string.Join("; ", open.Select(o => $"chmod {o.Wanted} '{o.Path}'"))}",
            [.. open.Select(o => o.Path)]);
    }

    /// <summary>The key file in use, when the key came from a file.</summary>
    internal static string? KeyFile(ComplianceContext context) =>
        context.Access.Keys is { Key: { } key, KeyFilePath: { } path } && key.Source == path && File.Exists(path) ? path : null;
}
