namespace Secrets.Build.Core.Diagnostics;

/// <summary>
/// SECB4xx: build integration (MSBuild tasks and targets). A missing schema file is
/// <see cref="SchemaFileNotFound"/> (SECB115) whether the build or the API finds it missing.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>
    /// The running MSBuild cannot load the net9.0 tasks: Visual Studio's .NET Framework MSBuild,
    /// or an MSBuild older than the one in the .NET 9 SDK. Reported by a target before the task
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
}
