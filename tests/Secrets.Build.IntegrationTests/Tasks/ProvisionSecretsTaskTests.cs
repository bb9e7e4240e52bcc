using Microsoft.Build.Framework;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.IntegrationTests.Infrastructure;
using Secrets.Build.Tasks;

namespace Secrets.Build.IntegrationTests.Tasks;

/// <summary>
/// The task on its own, with a recording engine: exact codes, files and positions, and the checks
/// it makes before calling Core. Fast; the real builds are in the other test classes.
/// </summary>
public sealed class ProvisionSecretsTaskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("secrets-build-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    // Core refuses a key folder inside the workspace, so the two are siblings.
    private string WorkspaceDirectory => Path.Combine(_root, "workspace");

    [Fact]
    public void Missing_schema_is_SECB115_at_the_project_with_the_fix()
    {
        var task = NewTask(schemaFile: Path.Combine(WorkspaceDirectory, "secrets.schema.json"));

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(DiagnosticCodes.SchemaFileNotFound, error.Code);
        Assert.Equal(RecordingBuildEngine.ProjectFile, error.File);
        Assert.Equal(42, error.LineNumber);
        Assert.Contains("SecretsSchemaFile", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Rotation_days_that_are_not_a_positive_whole_number_are_SECB402(string days)
    {
        var task = NewTask(rotationDays: days);

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(DiagnosticCodes.InvalidBuildProperty, error.Code);
        Assert.Contains($"'{days}'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(WorkspaceDirectory, "secrets")));
    }

    [Fact]
    public void Blank_environment_is_SECB402()
    {
        var task = NewTask(environment: "  ");

        Assert.False(task.Execute());

        Assert.Equal(DiagnosticCodes.InvalidBuildProperty, Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void Successful_run_reports_outputs_and_external_names_and_logs_no_value()
    {
        var task = NewTask(debug: true);

        var succeeded = task.Execute();

        Assert.True(succeeded, string.Join("\n", _engine.Errors.Select(e => $"{e.Code}: {e.Message}")));
        Assert.Contains(TestSchemas.ExternalName, task.ExternalVariables);
        Assert.EndsWith(".env.development.json", task.StoreFile, StringComparison.Ordinal);
        Assert.Contains(task.WrittenFiles, item => item.ItemSpec.EndsWith(".env.development", StringComparison.Ordinal));
        Assert.Contains(_engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains("provisioned", StringComparison.Ordinal));

        var values = EnvFile.Parse(File.ReadAllText(Path.Combine(WorkspaceDirectory, ".env.development")));
        SecretAssert.NotInText(string.Join("\n", _engine.AllText), values, "the task's log");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Only_a_debug_run_reports_its_wall_and_CPU_time_and_the_methods_JIT_compiled_meanwhile(bool debug)
    {
        var task = NewTask(debug: debug);

        Assert.True(task.Execute());

        var timing = _engine.Messages.Where(m => m.Message!.Contains("provisioning took", StringComparison.Ordinal)).ToArray();
        var memory = _engine.Messages.Where(m => m.Message!.Contains("collected garbage", StringComparison.Ordinal)).ToArray();
        if (debug)
        {
            Assert.Matches(@"^Secrets\.Build: provisioning took \d+\.\d ms \(\d+\.\d ms of CPU\); meanwhile the process JIT-compiled \d+ method\(s\) in \d+\.\d ms\.$", Assert.Single(timing).Message);
            Assert.Matches(@"^Secrets\.Build: meanwhile the process allocated \d+\.\d MB, collected garbage \d+/\d+/\d+ time\(s\) \(gen0/gen1/gen2\) with \d+\.\d ms paused, and loaded \d+ assemblies\.$", Assert.Single(memory).Message);
        }
        else
        {
            Assert.Empty(timing);
            Assert.Empty(memory);
        }
    }

    [Fact]
    public void A_successful_run_writes_the_stamp_the_external_names_and_todays_rotation_stamp()
    {
        var obj = Directory.CreateDirectory(Path.Combine(_root, "obj")).FullName;
        var yesterday = Path.Combine(obj, "rotation.development.2000-01-01.stamp");
        var today = Path.Combine(obj, "rotation.development.2000-01-02.stamp");
        File.WriteAllText(yesterday, string.Empty);
        var task = NewTask();
        task.StampFile = Path.Combine(obj, "provision.development.stamp");
        task.ExternalNamesFile = Path.Combine(obj, "provision.development.external-names");
        task.RotationStampFile = today;
        task.StaleRotationStampFiles = [new Microsoft.Build.Utilities.TaskItem(yesterday)];

        Assert.True(task.Execute());

        var expected = new[] { task.StoreFile, task.MetadataFile }.Concat(task.WrittenFiles.Select(f => Path.GetFullPath(f.ItemSpec)));
        Assert.Equal(expected, File.ReadAllLines(task.StampFile));
        Assert.Equal([TestSchemas.ExternalName], File.ReadAllLines(task.ExternalNamesFile));
        Assert.False(File.Exists(yesterday));
        Assert.True(File.Exists(today));
        // Read back by ReadLinesFromFile: no byte order mark in front of the first path.
        Assert.NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, File.ReadAllBytes(task.StampFile)[..3]);
    }

    [Fact]
    public void A_failed_run_writes_no_stamp()
    {
        var obj = Directory.CreateDirectory(Path.Combine(_root, "obj")).FullName;
        var task = NewTask(environment: "nowhere");
        task.StampFile = Path.Combine(obj, "provision.nowhere.stamp");
        task.ExternalNamesFile = Path.Combine(obj, "provision.nowhere.external-names");
        task.RotationStampFile = Path.Combine(obj, "rotation.nowhere.2000-01-02.stamp");

        Assert.False(task.Execute());

        Assert.Empty(Directory.GetFiles(obj));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ProvisionSecretsTask NewTask(string? schemaFile = null, string environment = "development", string? rotationDays = null, bool debug = false)
    {
        Directory.CreateDirectory(WorkspaceDirectory);
        if (schemaFile is null)
        {
            schemaFile = Path.Combine(WorkspaceDirectory, "secrets.schema.json");
            File.WriteAllText(schemaFile, TestSchemas.Small);
        }

        return new ProvisionSecretsTask
        {
            BuildEngine = _engine,
            SchemaFile = schemaFile,
            Environment = environment,
            RotationDays = rotationDays,
            KeyDirectory = Path.Combine(_root, "keys"),
            Debug = debug,
        };
    }
}
