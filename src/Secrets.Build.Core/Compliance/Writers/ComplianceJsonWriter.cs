using System.Globalization;
using System.Text.Json.Nodes;

namespace Secrets.Build.Core.Compliance.Writers;

/// <summary>Renders <c>secrets/.env.&lt;env&gt;.compliance.json</c>; the shape is documented in Compliance/README.md.</summary>
internal static class ComplianceJsonWriter
{
    /// <summary>The JSON text of <paramref name="report"/>.</summary>
    public static string Render(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checks = new JsonArray();
        foreach (var check in report.Checks)
        {
            checks.Add(new JsonObject
            {
                ["id"] = check.Id,
                ["title"] = check.Title,
                ["severity"] = ComplianceNames.Of(check.Severity),
                ["status"] = ComplianceNames.Of(check.Status),
                ["evidence"] = report.DisplayText(check.Evidence),
                ["fix"] = check.Fix is null ? null : report.DisplayText(check.Fix),
                ["source"] = check.Source,
                ["files"] = new JsonArray([.. check.Files.Select(f => (JsonNode?)JsonValue.Create(report.Display(f)))]),
            });
        }

        var root = new JsonObject
        {
            ["complianceScore"] = report.Score,
            ["project"] = report.Project,
            ["environment"] = report.Environment,
            ["generatedAt"] = report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["tool"] = new JsonObject { ["name"] = "Secrets.Build", ["version"] = report.ToolVersion },
            ["summary"] = new JsonObject
            {
                ["pass"] = Count(report, ComplianceStatus.Pass),
                ["warn"] = Count(report, ComplianceStatus.Warn),
                ["fail"] = Count(report, ComplianceStatus.Fail),
                ["skip"] = Count(report, ComplianceStatus.Skip),
            },
            ["checks"] = checks,
        };
        return ReportJson.Serialize(root);
    }

    private static int Count(ComplianceReport report, ComplianceStatus status) => report.Checks.Count(c => c.Status == status);
}
