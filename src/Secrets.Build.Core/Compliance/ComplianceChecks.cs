using System.Collections.Immutable;
using Secrets.Build.Core.Compliance.Checks;

namespace Secrets.Build.Core.Compliance;

/// <summary>The thirteen checks of the report: the twelve of issue 6 (SECB601-SECB612), then the KMS or recipient key (SECB615).</summary>
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
        new KmsOrRecipientKeyCheck(),
    ];
}
