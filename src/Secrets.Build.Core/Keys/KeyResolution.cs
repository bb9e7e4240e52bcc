using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// What <see cref="KeyLocator.Resolve"/> found: the key (or none), every place it looked in order,
/// and any problems (a malformed key is an error; a too-open key file is a warning).
/// </summary>
/// <param name="Key">The key found, or null.</param>
/// <param name="PlacesLooked">Each place looked, in order, with what was there (e.g. "environment variable SECRETS_BUILD_KEY (not set)").</param>
/// <param name="Diagnostics">Errors and warnings; never contain a key.</param>
/// <param name="Environment">The environment the key is for.</param>
/// <param name="KeyVariable">The environment-specific key variable, e.g. <c>SECRETS_BUILD_KEY_PRODUCTION</c>.</param>
/// <param name="KeyFilePath">The key file's path, or null when no key folder could be determined.</param>
internal sealed record KeyResolution(
    KeyMaterial? Key,
    ImmutableArray<string> PlacesLooked,
    ImmutableArray<SecretsDiagnostic> Diagnostics,
    string Environment,
    string KeyVariable,
    string? KeyFilePath)
{
    /// <summary>True when a key was found.</summary>
    public bool Found => Key is not null;

    /// <summary>True when a key source held something unusable; the build must stop rather than try another key.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == SecretsSeverity.Error);

    /// <summary>The places looked, as one line for a message.</summary>
    public string DescribePlacesLooked() => string.Join("; ", PlacesLooked);

    /// <summary>
    /// The error for a store that exists but has no key here: it names the store, the key it needs,
    /// where the key was looked for, and how to supply it. Never suggests regenerating.
    /// </summary>
    /// <param name="storePath">The existing store file.</param>
    /// <param name="requiredKeyIds">The ids of the keys that can open it (from its header), if known.</param>
    public SecretsDiagnostic MissingKeyError(string storePath, IReadOnlyCollection<string>? requiredKeyIds = null)
    {
        var needs = requiredKeyIds is { Count: > 0 }
            ? $" It opens with: {string.Join(" or ", requiredKeyIds)}."
            : string.Empty;
        var copyFile = KeyFilePath is null
            ? string.Empty
            : $", or copy that key file to {KeyFilePath} (mode 600)";
        return SecretsDiagnostic.Error(
            DiagnosticCodes.KeyNotFound,
            $"No key for environment '{Environment}' was found, but its store {storePath} exists.{needs} Looked in: {DescribePlacesLooked()}.",
            $"Supply the key of the machine that created the store: set {KeyVariable} to the text of its key file{copyFile}. " +
            "A job that only builds and tests needs no secrets: give it -p:SecretsEnabled=false. " +
            $"A job meant for another environment: set SECRETS_ENVIRONMENT (this build chose '{Environment}'). " +
            "Deleting the store would lose every value in it.",
            SourceLocation.ForFile(storePath));
    }
}
