using System.Text.Json.Nodes;

namespace Secrets.Build.Core.Compliance.Writers;

/// <summary>
/// Renders <c>secrets/.env.&lt;env&gt;.compliance.sarif</c>, a SARIF 2.1.0 log for build servers and
/// code-scanning tools: one rule per check, one result per failing (level error) or warning
/// (level warning) check, located at the files concerned. Files inside the workspace are relative to
/// the <c>%SRCROOT%</c> base, so the log stays valid when the repository is checked out elsewhere.
/// </summary>
internal static class ComplianceSarifWriter
{
    /// <summary>The base id workspace-relative locations use.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The base of paths under the user's home folder (the key folder), so no absolute path is written.</summary>
    public const string HomeId = "HOME";

    /// <summary>The SARIF text of <paramref name="report"/>.</summary>
    public static string Render(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = new JsonArray();
        var results = new JsonArray();
        for (var index = 0; index < report.Checks.Length; index++)
        {
            var check = report.Checks[index];
            rules.Add(new JsonObject
            {
                ["id"] = check.Id,
                ["name"] = check.Title,
                ["shortDescription"] = new JsonObject { ["text"] = check.Title },
                ["fullDescription"] = new JsonObject { ["text"] = $"{check.Title}. Source: {check.Source}." },
                ["defaultConfiguration"] = new JsonObject { ["level"] = "error" },
                ["properties"] = new JsonObject
                {
                    ["severity"] = ComplianceNames.Of(check.Severity),
                    ["weight"] = ComplianceScore.Weight(check.Severity),
                    ["source"] = check.Source,
                },
            });

            if (check.Status is ComplianceStatus.Fail or ComplianceStatus.Warn)
            {
                results.Add(Result(report, check, index));
            }
        }

        var root = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "Secrets.Build",
                        ["version"] = report.ToolVersion,
                        ["rules"] = rules,
                    },
                },
                ["originalUriBaseIds"] = new JsonObject
                {
                    // No "uri": SARIF lets the consumer resolve the base (GitHub code scanning uses
                    // the checkout), so the file names no folder of the machine that wrote it.
                    [SourceRootId] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The Secrets.Build workspace: the folder of secrets.schema.json." } },
                    [HomeId] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The home folder of the user who ran the report (the key folder is under it)." } },
                },
                ["results"] = results,
                ["properties"] = new JsonObject
                {
                    ["complianceScore"] = report.Score,
                    ["environment"] = report.Environment,
                    ["project"] = report.Project,
                },
            }),
        };
        return ReportJson.Serialize(root);
    }

    private static JsonObject Result(ComplianceReport report, ComplianceCheckResult check, int ruleIndex)
    {
        var evidence = report.DisplayText(check.Evidence);
        var message = string.IsNullOrEmpty(check.Fix) ? evidence : $"{evidence} Fix: {report.DisplayText(check.Fix)}";
        var result = new JsonObject
        {
            ["ruleId"] = check.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = check.Status == ComplianceStatus.Fail ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = message },
        };
        var locations = new JsonArray();
        foreach (var file in check.Files.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal))
        {
            locations.Add(new JsonObject { ["physicalLocation"] = new JsonObject { ["artifactLocation"] = Artifact(report, file) } });
        }

        if (locations.Count > 0)
        {
            result["locations"] = locations;
        }

        return result;
    }

    private static JsonObject Artifact(ComplianceReport report, string file)
    {
        var shown = report.Display(file);
        if (shown.StartsWith("~/", StringComparison.Ordinal))
        {
            // The key folder: relative to the user's home, which the file does not name either.
            return new JsonObject
            {
                ["uri"] = string.Join('/', shown[2..].Split('/').Select(Uri.EscapeDataString)),
                ["uriBaseId"] = HomeId,
            };
        }

        if (!Path.IsPathRooted(shown))
        {
            // A relative reference: each segment escaped, '/' kept.
            return new JsonObject
            {
                ["uri"] = string.Join('/', shown.Split('/').Select(Uri.EscapeDataString)),
                ["uriBaseId"] = SourceRootId,
            };
        }

        return new JsonObject { ["uri"] = new Uri(file).AbsoluteUri };
    }
}
