using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Lifecycle;

/// <summary>
/// An operation given the schema its caller has already read works from it and leaves the file alone;
/// the caller reports the schema's warnings, the operation only its errors.
/// </summary>
public sealed class LoadedSchemaTests : IDisposable
{
    private readonly LifecycleKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void A_check_given_the_loaded_schema_does_not_read_the_file_again()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var loaded = SchemaFile.Load(_kit.Workspace.SchemaPath);
        // From here on, reading the file fails the check: only the loaded schema lets it succeed.
        File.WriteAllText(_kit.Workspace.SchemaPath, "not a schema");
        Assert.Contains(_kit.Check().Diagnostics, d => d.Severity == SecretsSeverity.Error);

        var result = _kit.Manager.CheckRotation(_kit.Options(new CheckRotationOptions { SchemaPath = _kit.Workspace.SchemaPath, LoadedSchema = loaded }));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.NotEmpty(result.Statuses);
    }

    [Fact]
    public void A_check_given_the_loaded_schema_leaves_its_warnings_to_the_caller()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var read = SchemaFile.Load(_kit.Workspace.SchemaPath);
        var warning = SecretsDiagnostic.Warning(DiagnosticCodes.SchemaEmpty, "A warning the caller has reported.", "None.");
        var loaded = read with { Diagnostics = [.. read.Diagnostics, warning] };

        var result = _kit.Manager.CheckRotation(_kit.Options(new CheckRotationOptions { SchemaPath = _kit.Workspace.SchemaPath, LoadedSchema = loaded }));

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCodes.SchemaEmpty);
    }

    [Fact]
    public void A_check_given_a_schema_that_failed_to_load_fails_with_its_errors()
    {
        Assert.True((_kit.Provision()).Succeeded);
        var error = SecretsDiagnostic.Error(DiagnosticCodes.SchemaFileNotFound, "An error the caller has reported.", "None.");
        var warning = SecretsDiagnostic.Warning(DiagnosticCodes.SchemaEmpty, "A warning the caller has reported.", "None.");
        var loaded = new SchemaParseResult(null, [warning, error]);

        var result = _kit.Manager.CheckRotation(_kit.Options(new CheckRotationOptions { SchemaPath = _kit.Workspace.SchemaPath, LoadedSchema = loaded }));

        Assert.False(result.Succeeded);
        Assert.Equal(error, Assert.Single(result.Diagnostics));
    }
}
