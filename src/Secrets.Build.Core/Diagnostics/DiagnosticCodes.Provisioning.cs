namespace Secrets.Build.Core.Diagnostics;

internal static partial class DiagnosticCodes
{
    /// <summary>The requested environment is not declared in the schema.</summary>
    public const string UnknownEnvironment = "SECB280";
    /// <summary>A secret is missing from the store and generation is turned off.</summary>
    public const string MissingSecretGenerationOff = "SECB281";
    /// <summary>An external secret has no value in the build's environment (development: warning).</summary>
    public const string ExternalMissing = "SECB282";
    /// <summary>An external secret has no value where one is required (production: error).</summary>
    public const string ExternalRequired = "SECB283";
    /// <summary>No store exists, no key is available and generation is turned off.</summary>
    public const string NoStoreGenerationOff = "SECB284";
    /// <summary>The store holds a secret the schema no longer declares; it is kept, not written to outputs.</summary>
    public const string OrphanedSecret = "SECB285";
    /// <summary>An output could not be written.</summary>
    public const string OutputWriteFailed = "SECB286";
    /// <summary>An external secret's value does not read as its declared type (warning in development, error in production); the value is never shown.</summary>
    public const string ExternalValueInvalid = "SECB287";
}
