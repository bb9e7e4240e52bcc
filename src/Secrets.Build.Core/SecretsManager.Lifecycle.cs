using Secrets.Build.Core.Import;
using Secrets.Build.Core.KeyRotation;
using Secrets.Build.Core.Rotation;

namespace Secrets.Build.Core;

// The lifecycle half of the API: rotating values, checking due dates, reading previous values,
// importing existing values and rotating keys. Like Provision, user mistakes come back as
// diagnostics in the result, never as exceptions.
public sealed partial class SecretsManager
{
    /// <summary>
    /// Gives the selected generated secrets new values (categories, names, <c>due</c> or <c>all</c>),
    /// keeps each previous value as a retired version, saves, rewrites the outputs and records one
    /// <c>rotated</c> audit line per secret. External secrets are reported, never invented.
    /// </summary>
    public RotateResult RotateSecrets(RotateOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return new RotateRun(options, overrides).Execute(cancellationToken);
    }

    /// <summary>
    /// Checks due dates from the plaintext metadata file alone: no key is needed and nothing is
    /// decrypted, so a build can run it daily even when nothing else changed.
    /// </summary>
    public CheckRotationResult CheckRotation(CheckRotationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return CheckRotationRun.Execute(options, overrides);
    }

    /// <summary>
    /// The earlier values the store keeps for each secret (the newest few after each rotation),
    /// with the time each was replaced, so a verifier can accept the previous JWT key or an
    /// operator can roll a rotation back. The result holds values: do not log it.
    /// </summary>
    public PreviousValuesResult GetPreviousValues(PreviousValuesOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return PreviousValuesRun.Execute(options, cancellationToken);
    }

    /// <summary>
    /// Adopts values from an existing <c>.env</c> file for the names the schema declares, instead
    /// of generating them: reports names not in the schema, flags values weaker than their rule as
    /// due for rotation, never changes the source file, and never replaces a different stored value
    /// unless <see cref="ImportOptions.Overwrite"/> is set (the replaced value is retired, not lost).
    /// Creates the store when the environment has none yet.
    /// </summary>
    public ImportResult Import(ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var overrides = new Dictionary<string, int>(RotationPolicies, StringComparer.Ordinal);
        return new Import.ImportRun(options, overrides).Execute(cancellationToken);
    }

    /// <summary>
    /// Replaces the environment's keys: a new data key re-encrypts every value (current and
    /// retired), a new key file (or the given new passphrase) opens the store afterwards, and the
    /// old key no longer does; the store records the retired key, and a <c>key-rotated</c> audit
    /// line is written. Safe against a crash at any step (see Lifecycle/RotateKeyRun.cs).
    /// </summary>
    public RotateKeyResult RotateKey(RotateKeyOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return new KeyRotation.RotateKeyRun(options).Execute(cancellationToken);
    }
}
