using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.Rotation;

public sealed class RotationPolicyEvaluatorTests
{
    private static readonly SecretsSchema Schema = SchemaFile.Load(TestPaths.SampleSchema).Schema!;
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SecretDefinition Secret(string name) => Schema.Secrets.Single(s => s.Name == name);

    private static IReadOnlyDictionary<string, DateTimeOffset> AllCreatedAt(DateTimeOffset when) =>
        Schema.Secrets.ToDictionary(s => s.Name, _ => when);

    [Fact]
    public void Category_policies_set_the_due_date()
    {
        var evaluator = new RotationPolicyEvaluator(Schema);

        Assert.Equal(Created.AddDays(30), evaluator.Evaluate(Secret("JWT_SECRET_KEY"), Created, Created).Due);
        Assert.Equal(Created.AddDays(90), evaluator.Evaluate(Secret("POSTGRES_PASSWORD"), Created, Created).Due);
        Assert.Equal(Created.AddDays(180), evaluator.Evaluate(Secret("QDRANT_API_KEY"), Created, Created).Due);
        Assert.Equal(Created.AddDays(365), evaluator.Evaluate(Secret("ENCRYPTION_KEY"), Created, Created).Due);
    }

    [Fact]
    public void The_global_setting_overrides_every_category_and_csharp_overrides_a_category()
    {
        Assert.Equal(7, new RotationPolicyEvaluator(Schema, daysOverride: 7).PeriodDays(Secret("ENCRYPTION_KEY")));
        var custom = new RotationPolicyEvaluator(Schema, categoryOverrides: new Dictionary<string, int> { ["jwt_secrets"] = 15 });
        Assert.Equal(15, custom.PeriodDays(Secret("JWT_SECRET_KEY")));
        Assert.Equal(90, custom.PeriodDays(Secret("POSTGRES_PASSWORD")));
    }

    [Fact]
    public void Nothing_is_reported_while_every_secret_is_current()
    {
        var diagnostics = new RotationPolicyEvaluator(Schema).Check(AllCreatedAt(Created), Created.AddDays(10), enforce: true);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Fourteen_days_ahead_a_secret_is_announced_with_its_date()
    {
        var diagnostics = new RotationPolicyEvaluator(Schema).Check(AllCreatedAt(Created), Created.AddDays(17), enforce: true);

        // Only the 30-day jwt_secrets category is within 14 days of its due date.
        Assert.Equal(new[] { "JWT_SECRET_KEY", "SESSION_SECRET" }, diagnostics.Select(d => d.Message.Split(' ')[0]));
        var warning = diagnostics[0];
        Assert.Equal(DiagnosticCodes.RotationDueSoon, warning.Code);
        Assert.Equal(SecretsSeverity.Warning, warning.Severity);
        Assert.Contains("JWT_SECRET_KEY", warning.Message);
        Assert.Contains("2026-01-31", warning.Message);
        Assert.Contains("-t:RotateSecrets -p:SecretsRotate=JWT_SECRET_KEY", warning.Fix);
    }

    [Fact]
    public void Overdue_is_a_warning_unless_rotation_is_enforced()
    {
        var evaluator = new RotationPolicyEvaluator(Schema);
        var lastRotated = new Dictionary<string, DateTimeOffset> { ["JWT_SECRET_KEY"] = Created };

        var relaxed = Assert.Single(evaluator.Check(lastRotated, Created.AddDays(31), enforce: false));
        var enforced = Assert.Single(evaluator.Check(lastRotated, Created.AddDays(31), enforce: true));

        Assert.Equal((DiagnosticCodes.RotationOverdue, SecretsSeverity.Warning), (relaxed.Code, relaxed.Severity));
        Assert.Equal((DiagnosticCodes.RotationOverdue, SecretsSeverity.Error), (enforced.Code, enforced.Severity));
    }

    [Fact]
    public void An_overdue_external_secret_says_to_rotate_it_at_its_provider()
    {
        var lastRotated = new Dictionary<string, DateTimeOffset> { ["OPENAI_API_KEY"] = Created };

        var warning = Assert.Single(new RotationPolicyEvaluator(Schema).Check(lastRotated, Created.AddDays(200), enforce: false));

        Assert.Contains("at its provider", warning.Fix);
        Assert.Equal(Schema.SourcePath, warning.Location!.File);
        Assert.True(warning.Location.Line > 0);
    }
}
