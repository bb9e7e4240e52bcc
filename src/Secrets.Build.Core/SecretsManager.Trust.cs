using Secrets.Build.Core.CheckTrust;
using Secrets.Build.Core.Trust;

namespace Secrets.Build.Core;

public sealed partial class SecretsManager
{
    /// <summary>
    /// Holds the store file's generation and id against this machine's trust record and the pinned
    /// minimum, without any key and without writing anything: the checks an open makes, for a
    /// caller that only shows the store. The open itself still checks everything (with the MAC).
    /// </summary>
    public CheckTrustResult CheckTrust(CheckTrustOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return CheckTrustRun.Execute(options);
    }
}
