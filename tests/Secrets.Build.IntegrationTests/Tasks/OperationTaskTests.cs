using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Tasks;

namespace Secrets.Build.IntegrationTests.Tasks;

/// <summary>
/// The lifecycle tasks' own checks, before any Core call: a missing or unusable property is one
/// error with its code, at the project's task line, with the fix. Fast; no build is spawned.
/// </summary>
public sealed class OperationTaskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("secrets-build-operation-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public OperationTaskTests() => File.WriteAllText(SchemaPath, "{}");

    private string SchemaPath => Path.Combine(_root, "secrets.schema.json");

    public static TheoryData<string, Func<SecretsOperationTask>> TasksWithoutTheirProperty => new()
    {
        { "SecretsRotate", () => new RotateSecretsTask { Selectors = " ; , " } },
        { "SecretsImportFrom", () => new ImportSecretsTask() },
        { "SecretsRecipient", () => new SecretsRecipientTask { Operation = "Add" } },
        { "SecretsRecipient", () => new SecretsRecipientTask { Operation = "Remove", Recipient = "  " } },
    };

    [Theory]
    [MemberData(nameof(TasksWithoutTheirProperty))]
    public void A_missing_required_property_is_SECB405_naming_it(string property, Func<SecretsOperationTask> create)
    {
        var task = Prepare(create());

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(DiagnosticCodes.RequiredBuildPropertyMissing, error.Code);
        Assert.Equal(RecordingBuildEngine.ProjectFile, error.File);
        Assert.Equal(42, error.LineNumber);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("high")]
    [InlineData("101")]
    [InlineData("-1")]
    public void A_minimum_score_outside_0_to_100_is_SECB402(string score)
    {
        var task = Prepare(new SecretsReportTask { MinimumScore = score });

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(DiagnosticCodes.InvalidBuildProperty, error.Code);
        Assert.Contains($"'{score}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_schema_is_SECB115_before_anything_else()
    {
        File.Delete(SchemaPath);
        var task = Prepare(new RotateSecretsTask { Selectors = "all" });

        Assert.False(task.Execute());

        Assert.Equal(DiagnosticCodes.SchemaFileNotFound, Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void An_unknown_recipient_operation_is_SECB402()
    {
        var task = Prepare(new SecretsRecipientTask { Operation = "Rename" });

        Assert.False(task.Execute());

        Assert.Equal(DiagnosticCodes.InvalidBuildProperty, Assert.Single(_engine.Errors).Code);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private T Prepare<T>(T task) where T : SecretsOperationTask
    {
        task.BuildEngine = _engine;
        task.SchemaFile = SchemaPath;
        task.Environment = "development";
        return task;
    }
}
