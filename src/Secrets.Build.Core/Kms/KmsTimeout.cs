using System;
using System.Globalization;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Kms;

/// <summary>
/// The total time one KMS call may take, retries included (<c>SecretsKmsTimeoutSeconds</c>). A build
/// must never hang on an unreachable endpoint, so it is capped at 15 s.
/// </summary>
internal static class KmsTimeout
{
    /// <summary>The timeout when none is set.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);
    /// <summary>The longest timeout accepted.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(15);

    /// <summary>The timeout given, if it lies between 1 s and <see cref="Maximum"/>.</summary>
    public static TimeSpan Validate(TimeSpan timeout) =>
        timeout >= TimeSpan.FromSeconds(1) && timeout <= Maximum
            ? timeout
            : throw Invalid(timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads <c>SecretsKmsTimeoutSeconds</c>; empty means <see cref="Default"/>.</summary>
    public static TimeSpan Parse(string? seconds) =>
        string.IsNullOrWhiteSpace(seconds)
            ? Default
            : int.TryParse(seconds, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? Validate(TimeSpan.FromSeconds(value))
                : throw Invalid(seconds);

    private static SecretsException Invalid(string given) =>
        new(SecretsDiagnostic.Error(
            DiagnosticCodes.KmsTimeoutInvalid,
            $"The KMS timeout '{given}' is not a whole number of seconds from 1 to {Maximum.TotalSeconds}.",
            $"Set SecretsKmsTimeoutSeconds to a value from 1 to {Maximum.TotalSeconds}, or leave it empty for {Default.TotalSeconds}."));
}
