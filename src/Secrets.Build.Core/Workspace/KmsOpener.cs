using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Keys;
using Secrets.Build.Core.Kms;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Workspace;

/// <summary>
/// The KMS step of key resolution, after the environment's key and key file and before age
/// identities: each KMS entry of the store is tried in key-list order. A key the service refuses or
/// cannot reach is remembered, so that when a later source opens the store the build goes on with a
/// warning (SECB739), and when none does the KMS errors are what the build reports.
/// </summary>
internal sealed class KmsOpener(StorePaths paths, TimeSpan timeout)
{
    /// <summary>Why each KMS key tried failed, as the provider reported it (SECB730-SECB736).</summary>
    public List<SecretsDiagnostic> Failures { get; } = [];

    /// <summary>The store opened through the first KMS key that works, or null.</summary>
    public OpenedWorkspace? TryOpen(ParsedStoreFile storeFile)
    {
        foreach (var entry in storeFile.Document.Keys.Where(KmsKeyWrapping.IsKmsEntry).ToList())
        {
            var key = KmsProviders.Create(entry.Kind, entry.KeyId, timeout);
            try
            {
                var store = SecretStore.Open(paths, key, StoreSecurity.Default, storeFile);
                return new OpenedWorkspace(store, key, Created: false);
            }
            catch (SecretsException failure) when (IsServiceFailure(failure.Code))
            {
                key.Dispose();
                Failures.AddRange(failure.Diagnostics);
            }
            catch
            {
                key.Dispose();
                throw;
            }
        }

        return null;
    }

    /// <summary>Adds a warning for each KMS key that failed before <paramref name="opener"/> opened the store.</summary>
    public void ReportFallback(KeyMaterial opener, List<SecretsDiagnostic> diagnostics) =>
        diagnostics.AddRange(Failures.Select(failure => SecretsDiagnostic.Warning(
            DiagnosticCodes.KmsFallbackUsed,
            $"A KMS key of '{paths.StorePath}' could not be used, so the store was opened with the {opener.Source} instead. {failure.Code}: {failure.Message}",
            $"Builds that have only KMS will fail until this is fixed: {failure.Fix} If the key is no longer meant to open the store, remove it (dotnet msbuild -t:RemoveSecretsKmsKey -p:SecretsKmsKey=<arn>).",
            SourceLocation.ForFile(paths.StorePath))));

    private static bool IsServiceFailure(string code) => code is
        DiagnosticCodes.KmsAccessDenied or DiagnosticCodes.KmsKeyUnusable or DiagnosticCodes.KmsEncryptionContextMismatch
        or DiagnosticCodes.KmsThrottled or DiagnosticCodes.KmsUnreachable or DiagnosticCodes.KmsCredentialsUnavailable
        or DiagnosticCodes.KmsRequestFailed;
}
