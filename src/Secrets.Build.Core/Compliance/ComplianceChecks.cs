using System.Collections.Immutable;
using Secrets.Build.Core.Compliance.Checks;

namespace Secrets.Build.Core.Compliance;

/// <summary>The twelve checks of the report, in the order of issue 6 (and of their codes, SECB601-SECB612).</summary>
internal static class ComplianceChecks
{
    /// <summary>Every check, in report order.</summary>
    public static ImmutableArray<ComplianceCheck> All { get; } =
    [
        new FileModesCheck(),
        new GitIgnoreCheck(),
        new KeyMaterialCheck(),
        new RotationCheck(),
        new StrengthCheck(),
        new ExternalSecretsCheck(),
        new StoreAuthenticityCheck(),
        new AuditChainCheck(),
        new AlgorithmsCheck(),
        new IsolationCheck(),
        new CryptoperiodCheck(),
        new ValueExposureCheck(),
    ];
}
