using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>Check 9: values and data keys use AES-256-GCM, and every passphrase entry Argon2id at or above OWASP's minimum.</summary>
internal sealed class AlgorithmsCheck : ComplianceCheck
{
    public override string Id => DiagnosticCodes.ComplianceAlgorithms;

    public override string Title => "Algorithms are current: AES-256-GCM, Argon2id at or above OWASP's minimum";

    public override string Source => "OWASP Password Storage Cheat Sheet (Argon2id m=19 MiB, t=2, p=1); NIST SP 800-38D; NIST SP 800-131A Rev. 2";

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        var path = context.Paths.StorePath;
        if (!File.Exists(path))
        {
            return Skip(context, $"Not checked: {context.Access.DescribeUnavailable()}.");
        }

        StoreDocument document;
        try
        {
            // The header is read without any key: the algorithms are public facts of the file.
            document = StoreFileReader.Parse<StoreDocument>(path, StoreFileReader.ReadBytes(path), StoreFormat.StoreMarker);
        }
        catch (SecretsException ex)
        {
            return Skip(context, $"Not checked, the store cannot be read ({ex.Code}); check {DiagnosticCodes.ComplianceStoreAuthenticity} reports it.");
        }

        var weak = new List<string>();
        var unknown = new List<string>();
        foreach (var key in document.Keys)
        {
            if (key.Kind == StoreFormat.KindPassphrase)
            {
                var cost = key.Argon2id is { } a ? new Argon2Parameters(a.MemoryKiB, a.Iterations, a.Parallelism) : null;
                if (cost is null || !cost.MeetsOwaspMinimum)
                {
                    weak.Add($"passphrase entry {key.KeyId}: Argon2id m={cost?.MemoryKiB} KiB, t={cost?.Iterations}, p={cost?.Parallelism}");
                }
            }
            else if (key.Kind != StoreFormat.KindKey)
            {
                unknown.Add($"{key.Kind} {key.KeyId}");
            }
        }

        var minimum = Argon2Parameters.Default;
        var baseline = $"Store format {document.FormatVersion}: values and the data key are AES-256-GCM with 96-bit random nonces; the store MAC and fingerprints are HMAC-SHA256 under HKDF-SHA256 subkeys";
        if (weak.Count > 0)
        {
            return Result(context, ComplianceStatus.Fail,
                $"{baseline}; below OWASP's Argon2id minimum (m={minimum.MemoryKiB} KiB, t={minimum.Iterations}, p={minimum.Parallelism}): {string.Join("; ", weak)}.",
                "Re-add the passphrase with the current defaults (remove the weak entry and add the passphrase again through the API or key rotation).",
                [path]);
        }

        if (unknown.Count > 0)
        {
            return Result(context, ComplianceStatus.Warn,
                $"{baseline}; key entries of kinds this version cannot assess: {string.Join(", ", unknown)}.",
                "Run the report with the Secrets.Build version that added those entries.",
                [path]);
        }

        var kinds = string.Join(", ", document.Keys.GroupBy(k => k.Kind).Select(g => $"{g.Count()} {g.Key}"));
        return Pass(context, $"{baseline}; key entries: {kinds}, every passphrase entry at or above Argon2id m={minimum.MemoryKiB} KiB, t={minimum.Iterations}, p={minimum.Parallelism}.", path);
    }
}
