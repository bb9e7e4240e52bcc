using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Compliance.Checks;

/// <summary>
/// Check 10: no value is shared by two environments whose keys are available. The metadata
/// fingerprints are keyed per store (each store has its own data key), so they cannot be compared
/// across stores; instead every value is fingerprinted again under one random key that lives only
/// as long as this check, and the fingerprints are compared. Values are never compared directly
/// nor kept.
/// </summary>
internal sealed class IsolationCheck : ComplianceCheck
{
    public override string Id => DiagnosticCodes.ComplianceIsolation;

    public override string Title => "Environments are isolated: no value is shared between environments";

    public override string Source => "OWASP Secrets Management Cheat Sheet (environment separation); NIST SP 800-57 Part 1 Rev. 5 section 5.2 (one key, one purpose)";

    public override ComplianceSeverity SeverityFor(string environment) => ComplianceSeverity.Critical;

    internal override ComplianceCheckResult Evaluate(ComplianceContext context)
    {
        if (context.Store is null)
        {
            return Skip(context, $"Not checked: {context.Access.DescribeUnavailable()}.");
        }

        var compared = new List<EnvironmentAccess> { context.Access };
        var unavailable = new List<string>();
        foreach (var environment in context.Schema.Environments.Where(e => e != context.Environment))
        {
            var other = context.Other(environment);
            if (other.Store is not null)
            {
                compared.Add(other);
            }
            else
            {
                unavailable.Add(environment);
            }
        }

        var notCompared = unavailable.Count == 0 ? string.Empty : $" Not compared (no store or no key here): {string.Join(", ", unavailable)}.";
        if (compared.Count < 2)
        {
            return Skip(context, $"No other environment's store could be opened.{notCompared}",
                "Run the report where the keys of the other environments are available (e.g. a CI job that holds them all).");
        }

        var shared = SharedValues(compared, context.Environment);
        var names = string.Join(", ", compared.Select(a => a.Paths.Environment));
        if (shared.Count == 0)
        {
            return Pass(context, $"Compared every value of {names} by a report-local keyed fingerprint: none is shared.{notCompared}",
                [.. compared.Select(a => a.Paths.StorePath)]);
        }

        return Result(context, ComplianceStatus.Fail,
            $"Compared {names}; the same value is used by: {string.Join("; ", shared)}.{notCompared}",
            $"Rotate the shared secrets in this environment (dotnet msbuild -t:RotateSecrets -p:SecretsEnvironment={context.Environment} -p:SecretsRotate=NAME) so each environment has its own value.",
            [context.Paths.StorePath]);
    }

    /// <summary>Groups of "NAME in env" that hold one value, restricted to groups that involve the report's environment.</summary>
    private static List<string> SharedValues(List<EnvironmentAccess> environments, string reported)
    {
        var comparisonKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            var holders = new Dictionary<string, List<(string Environment, string Name)>>(StringComparer.Ordinal);
            foreach (var access in environments)
            {
                var store = access.Store!;
                foreach (var name in store.Names)
                {
                    var value = Encoding.UTF8.GetBytes(store.Reveal(name));
                    if (value.Length == 0)
                    {
                        continue; // missing external values are all "equal" and are check 6's finding
                    }

                    var tag = Convert.ToHexString(KeyDerivation.HmacSha256(comparisonKey, value));
                    CryptographicOperations.ZeroMemory(value);
                    if (!holders.TryGetValue(tag, out var list))
                    {
                        holders[tag] = list = [];
                    }

                    list.Add((access.Paths.Environment, name));
                }
            }

            return holders.Values
                .Where(list => list.Select(h => h.Environment).Distinct().Count() > 1 && list.Any(h => h.Environment == reported))
                .Select(list => string.Join(" = ", list.Select(h => $"{h.Name} in {h.Environment}")))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            CryptographicOperations.ZeroMemory(comparisonKey);
        }
    }
}
