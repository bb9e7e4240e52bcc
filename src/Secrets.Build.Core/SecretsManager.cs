namespace Secrets.Build.Core;

/// <summary>
/// The public entry point: provision an environment's secrets from a schema, as
/// <c>dotnet build</c> does, or drive each step from any .NET app.
/// </summary>
public sealed class SecretsManager
{
    /// <summary>
    /// Loads the schema, opens (or creates) the environment's encrypted store, generates
    /// what is missing, saves it atomically under a cross-process lock and writes the outputs.
    /// User mistakes come back as diagnostics in the result, never as exceptions.
    /// </summary>
    public Task<ProvisionResult> ProvisionAsync(ProvisionOptions options, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
