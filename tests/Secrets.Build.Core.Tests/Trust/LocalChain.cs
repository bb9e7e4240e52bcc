using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.Trust;

namespace Secrets.Build.Core.Tests.Trust;

/// <summary>The audit chain key a machine's builds use for a store's trail: from the secret beside its key files.</summary>
internal static class LocalChain
{
    public static byte[] KeyFor(SecretStore store, string keyDirectory)
    {
        var secret = AuditChainSecret.Read(Path.Combine(keyDirectory, AuditChainSecret.FileName))
            ?? throw new InvalidOperationException($"No audit chain secret in {keyDirectory}.");
        return AuditChainSecret.ChainKey(secret, store.StoreId, store.Environment);
    }

    /// <summary>Verifies the trail with every key this machine's VerifySecretsAudit would use (no recorded head).</summary>
    public static AuditVerification Verify(SecretStore store, string keyDirectory)
    {
        store.LocalChainKey = KeyFor(store, keyDirectory);
        return StoreAuditChain.Verify(store);
    }
}
