using Secrets.Build.Core.Access;

namespace Secrets.Build.Core;

public sealed partial class SecretsManager
{
    /// <summary>
    /// Decrypts current values (and, if asked, the previous ones still in their grace period) for a
    /// caller that passes them on without a plaintext file, and records one <c>accessed</c> audit
    /// line per secret read. Changes nothing else; never generates. The result holds values: do not log it.
    /// </summary>
    public ReadValuesResult ReadValues(ReadValuesOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return ReadValuesRun.Execute(options, cancellationToken);
    }
}
