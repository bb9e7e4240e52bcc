using System.Text.RegularExpressions;
using Secrets.Build.Core;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Maintenance;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.VerifyAudit;
using Secrets.Build.Tool.Cli;

namespace Secrets.Build.Tool.Doctor;

/// <summary>What a newcomer trips on, each with its fix: schema, keys, modes, gitignore, git, compose and kubectl, package versions.</summary>
internal static partial class DoctorChecks
{
    public static List<Finding> Run(ToolSettings settings, SecretsSchema schema, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        foreach (var environment in schema.Environments)
        {
            findings.Add(Key(settings, environment, cancellationToken));
        }

        findings.AddRange(TrustChecks.Run(settings, schema, cancellationToken));
        findings.Add(Modes(settings, cancellationToken));
        findings.AddRange(Git(settings));
        findings.Add(Tool("docker compose", settings.Workspace, "docker", "compose", "version"));
        findings.Add(Tool("kubectl", settings.Workspace, "kubectl", "version", "--client"));
        findings.AddRange(PackageVersions(settings));
        return findings;
    }

    private static Finding Key(ToolSettings settings, string environment, CancellationToken cancellationToken)
    {
        var check = $"key ({environment})";
        var paths = StorePaths.ForWorkspace(settings.Workspace, environment);
        if (!SecretStore.Exists(paths))
        {
            return Finding.Pass(check, "no store yet: the first build (or 'secrets-build provision') creates it and its key");
        }

        // Opening the store is the only true test of a key; verifying the trail does that and writes nothing.
        var verified = new SecretsManager().VerifyAudit(settings.Apply(new VerifyAuditOptions(), "doctor") with { Environment = environment }, cancellationToken);
        var keyProblem = verified.Diagnostics.FirstOrDefault(d => d.Severity == Core.Diagnostics.SecretsSeverity.Error && d.Code.StartsWith("SECB2", StringComparison.Ordinal));
        var header = SecretStore.ReadHeader(paths);
        var locator = new KeyLocator(environment, header.StoreId, settings.Variables, settings.KeyDirectory, settings.Workspace);
        if (keyProblem is null)
        {
            return Finding.Pass(check, "opens the store; from " + KeySource(settings, environment, locator));
        }

        return Finding.Problem(check, keyProblem.Message,
            keyProblem.Fix ?? $"Get the key file from whoever created the store into the key folder, set {KeyVariables.KeyFor(environment)}, or have them add your age identity with 'secrets-build recipients add'.",
            blocking: true);
    }

    // The places in the order the build's key lookup tries them (Keys/KeyLocator.cs).
    private static string KeySource(ToolSettings settings, string environment, KeyLocator locator)
    {
        string[] variables = [KeyVariables.KeyFor(environment), KeyVariables.SharedKey, KeyVariables.PassphraseFor(environment), KeyVariables.SharedPassphrase];
        foreach (var name in variables.Where(v => settings.Variables.TryGetValue(v, out var value) && value.Length > 0))
        {
            return "environment variable " + name;
        }

        if (locator.KeyFilePath is { } file && File.Exists(file))
        {
            return "key file " + file;
        }

        return "an age identity (the store lists it among its recipients)";
    }

    private static Finding Modes(ToolSettings settings, CancellationToken cancellationToken)
    {
        var report = new SecretsManager().CheckPermissions(
            new PermissionOptions { WorkspacePath = settings.Workspace, KeyDirectory = settings.KeyDirectory, EnvironmentVariables = settings.Variables }, cancellationToken);
        var problems = report.Diagnostics.Count(d => d.Severity != Core.Diagnostics.SecretsSeverity.Info);
        return problems == 0
            ? Finding.Pass("file modes", "secret-bearing files are 600 and their folders 700")
            : Finding.Problem("file modes", $"{problems} file(s) or folder(s) with a wrong mode (listed above)", "Run the chmod commands listed, or 'dotnet msbuild -t:RepairSecretsPermissions'.");
    }

    private static IEnumerable<Finding> Git(ToolSettings settings)
    {
        var workspace = settings.Workspace;
        if (ExternalTools.Run(workspace, "git", "rev-parse", "--is-inside-work-tree") is not (0, _))
        {
            yield return Finding.Problem("git", "the workspace is not in a git repository (or git is missing)", "git init, then commit secrets.schema.json and secrets/ (the store is encrypted).");
            yield break;
        }

        var exposed = OutputPaths.PlaintextOutputs(settings.EnvironmentLower)
            .Where(output => ExternalTools.Run(workspace, "git", "check-ignore", "-q", output) is not (0, _))
            .ToList();
        yield return exposed.Count == 0
            ? Finding.Pass("gitignore", "the plaintext outputs are ignored")
            : Finding.Problem("gitignore", "not ignored: " + string.Join(", ", exposed), "Build once (provisioning adds them to .gitignore) or add them to .gitignore yourself.");

        var store = OutputPaths.Store(settings.EnvironmentLower);
        if (File.Exists(Path.Combine(workspace, store)))
        {
            yield return ExternalTools.Run(workspace, "git", "ls-files", "--error-unmatch", store) is (0, _)
                ? Finding.Pass("store in git", store + " is tracked")
                : Finding.Problem("store in git", store + " is not tracked: a clone, a teammate or a build server will not have it",
                    $"git add {store} {OutputPaths.Metadata(settings.EnvironmentLower)} && git commit (both are encrypted or non-secret).");
        }
    }

    private static Finding Tool(string name, string workspace, string file, params string[] arguments) =>
        ExternalTools.Run(workspace, file, arguments) is (0, var version)
            ? Finding.Pass(name, version)
            : Finding.Problem(name, "not found", $"Install {name} to use the {(file == "kubectl" ? "Kubernetes manifest" : "compose override")}; builds do not need it.");

    private static IEnumerable<Finding> PackageVersions(ToolSettings settings)
    {
        var root = Path.GetDirectoryName(settings.Schema)!;
        var files = Directory.EnumerateFiles(root, "*.*proj", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4 })
            .Concat(Directory.EnumerateFiles(root, "Directory.Packages.props", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4 }));
        var versions = new List<string>();
        foreach (var file in files.Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            foreach (Match match in PackageReference().Matches(File.ReadAllText(file)))
            {
                versions.Add($"{Path.GetRelativePath(root, file)}: {(match.Groups["version"].Success ? match.Groups["version"].Value : "(central)")}");
            }
        }

        var tool = AuditEvent.CurrentToolVersion;
        if (versions.Count == 0)
        {
            yield return Finding.Pass("Secrets.Build package", "no project below the schema's folder references it (the tool works without it)");
            yield break;
        }

        foreach (var version in versions)
        {
            yield return version.EndsWith(": " + tool, StringComparison.Ordinal) || version.EndsWith("(central)", StringComparison.Ordinal)
                ? Finding.Pass("Secrets.Build package", version)
                : Finding.Problem("Secrets.Build package", $"{version}; this tool is {tool}", $"Use the same version for the package and the tool (dotnet tool update / the PackageReference), so both read and write the same store format.");
        }
    }

    [GeneratedRegex("""<Package(?:Reference|Version)\s+Include="Secrets\.Build"(?:\s+Version="(?<version>[^"]+)")?""")]
    private static partial Regex PackageReference();
}
