namespace Secrets.Build.Core.Diagnostics;

/// <summary>
/// SECB4xx: build integration (MSBuild tasks and targets). A missing schema file is
/// <see cref="SchemaFileNotFound"/> (SECB115) whether the build or the API finds it missing.
/// </summary>
internal static partial class DiagnosticCodes
{
    /// <summary>
    /// The running MSBuild cannot load the net9.0 tasks: a .NET Framework MSBuild older than 18
    /// (Visual Studio 2022 and earlier; Visual Studio 2026 runs them in a .NET task host), or an
    /// MSBuild older than the one in the .NET 9 SDK. Reported by a target before the task
    /// is loaded, so the user sees this instead of a loader exception.
    /// </summary>
    public const string UnsupportedMSBuild = "SECB401";

    /// <summary>A <c>Secrets*</c> MSBuild property has a value the build cannot use (e.g. <c>SecretsRotationDays=abc</c>).</summary>
    public const string InvalidBuildProperty = "SECB402";

    /// <summary>
    /// Provisioning failed with an unexpected exception (a bug or an environment problem such as a
    /// missing native library), reported as one error instead of a task crash.
    /// </summary>
    public const string ProvisionFailed = "SECB403";

    /// <summary>
    /// A lifecycle target (rotate, import, report, recipients...) failed with an unexpected
    /// exception, reported as one error instead of a task crash.
    /// </summary>
    public const string OperationFailed = "SECB404";

    /// <summary>
    /// A lifecycle target was run without the property that says what to do, e.g. <c>RotateSecrets</c>
    /// without <c>SecretsRotate</c> or <c>ImportSecrets</c> without <c>SecretsImportFrom</c>.
    /// </summary>
    public const string RequiredBuildPropertyMissing = "SECB405";

    /// <summary>
    /// <c>VerifySecretsAudit</c> found the audit trail's hash chain broken; the message carries the
    /// SECB52x code, file and line of the break (or, when it could not verify, the code that says why).
    /// </summary>
    public const string AuditVerificationFailed = "SECB406";
}
