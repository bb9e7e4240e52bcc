namespace Secrets.Build.Core.Compliance;

/// <summary>Everything one compliance report needs; the <c>SecretsReport</c> MSBuild target fills it from its properties.</summary>
public sealed record ReportOptions
{
    /// <summary>The <c>secrets.schema.json</c> to read.</summary>
    public required string SchemaPath { get; init; }

    /// <summary>Where <c>secrets/</c> and the outputs live; defaults to the schema's folder.</summary>
    public string? WorkspacePath { get; init; }

    /// <summary>The environment to evaluate, case-insensitive.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>Where key files live; defaults to the per-user config folder.</summary>
    public string? KeyDirectory { get; init; }

    /// <summary>
    /// The environment variables keys and external secrets are read from. Null means the process
    /// environment; tests pass their own so nothing leaks in from the machine.
    /// </summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>Overrides every category's rotation period (<c>SECRET_ROTATION_DAYS</c>).</summary>
    public int? RotationDaysOverride { get; init; }

    /// <summary>
    /// A score (0-100) below which the result carries an error (SECB600), for build pipelines
    /// (<c>-p:SecretsMinimumScore=90</c>). Null: the score is only reported.
    /// </summary>
    public int? MinimumScore { get; init; }

    /// <summary>Whether to write the JSON, Markdown and SARIF files (false: evaluate only).</summary>
    public bool WriteReports { get; init; } = true;

    /// <summary>The clock for rotation ages and the report's time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>What caused the report, recorded in the audit trail (e.g. the MSBuild target).</summary>
    public string Trigger { get; init; } = "api";
}
