using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Import;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>ImportSecrets</c>: adopts the values of an existing <c>.env</c> file for the
/// names the schema declares (<see cref="SecretsManager.Import"/>). The file is only read.
/// </summary>
public sealed class ImportSecretsTask : SecretsOperationTask
{
    /// <summary>The <c>.env</c> file to import (<c>$(SecretsImportFrom)</c>, already resolved against the project folder).</summary>
    public string? SourceFile { get; set; }

    /// <summary>Whether an imported value may replace a different stored one (<c>$(SecretsImportOverwrite)</c>).</summary>
    public bool Overwrite { get; set; }

    /// <summary>The names whose value was adopted.</summary>
    [Microsoft.Build.Framework.Output]
    public string[] Imported { get; private set; } = [];

    /// <inheritdoc />
    protected override string TargetName => "ImportSecrets";

    /// <inheritdoc />
    protected override string OperationDescription => "Importing secrets";

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (string.IsNullOrWhiteSpace(SourceFile))
        {
            LogMissingProperty("SecretsImportFrom", "Name the file to import, e.g. -p:SecretsImportFrom=.env (relative to the project folder).");
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var result = new SecretsManager().Import(
            WithCommon(new ImportOptions { SchemaPath = SchemaPath, SourcePath = Path.GetFullPath(SourceFile!), Overwrite = Overwrite }),
            cancellationToken);

        Imported = [.. result.Imported];
        LogSummary($"'{EnvironmentName}': {result.Imported.Length} imported, {result.Unchanged.Length} already stored, " +
                   $"{result.NotInSchema.Length} not in the schema, {result.Conflicts.Length} conflicting, {result.Weak.Length} weak (due for rotation now).");
        LogSummary($"  Imported: {Names(result.Imported)}.");
        if (result.NotInSchema.Length > 0)
        {
            LogSummary($"  Left out (not in the schema): {Names(result.NotInSchema)}.");
        }

        LogDebug($"Unchanged: {Names(result.Unchanged)}. Weak: {Names(result.Weak)}. Conflicts: {Names(result.Conflicts)}. Outputs: {Names(result.Outputs)}.");
        return result.Diagnostics;
    }
}
