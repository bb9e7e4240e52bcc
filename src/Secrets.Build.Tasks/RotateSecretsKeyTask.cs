using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.KeyRotation;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>RotateSecretsKey</c>: re-encrypts the environment under a new key
/// (<see cref="SecretsManager.RotateKey"/>). The old key stops opening the store.
/// </summary>
public sealed class RotateSecretsKeyTask : SecretsOperationTask
{
    /// <summary>
    /// The environment variable holding the new passphrase of a passphrase-protected store. The
    /// passphrase itself is never a property: MSBuild logs properties, and would log it.
    /// </summary>
    public const string NewPassphraseVariable = "SECRETS_BUILD_NEW_PASSPHRASE";

    /// <summary>The key file that opens the store now (never its content); empty for a passphrase.</summary>
    [Microsoft.Build.Framework.Output]
    public string NewKeyFile { get; private set; } = string.Empty;

    /// <inheritdoc />
    protected override string TargetName => "RotateSecretsKey";

    /// <inheritdoc />
    protected override string OperationDescription => "Rotating the key";

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var newPassphrase = System.Environment.GetEnvironmentVariable(NewPassphraseVariable);
        var result = new SecretsManager().RotateKey(
            WithCommon(new RotateKeyOptions
            {
                SchemaPath = SchemaPath,
                NewPassphrase = string.IsNullOrEmpty(newPassphrase) ? null : newPassphrase,
            }),
            cancellationToken);

        NewKeyFile = result.NewKeyFile ?? string.Empty;
        if (result.Succeeded)
        {
            LogSummary($"'{EnvironmentName}': {result.ReencryptedValues} value(s) re-encrypted under {result.NewKeyId}; retired: {Names(result.RetiredKeyIds)}.");
            if (result.NewKeyFile is not null)
            {
                LogSummary($"  New key file: {result.NewKeyFile}. Share it with whoever builds this environment (SECRETS_BUILD_KEY_DIR or the key variable).");
            }

            if (result.RetiredKeyFile is not null)
            {
                LogSummary($"  The old key file was kept as {result.RetiredKeyFile}; delete it once every copy of the store is re-encrypted.");
            }
        }

        return result.Diagnostics;
    }
}
