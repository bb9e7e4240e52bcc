
namespace Secrets.Build.Core.Provisioning;

/// <summary>
/// A request to throw an environment's values away and generate new ones (the reference's
/// "Secrets Not Found" fix). It only goes ahead when <see cref="Confirm"/> repeats the
/// environment's name, the way a destructive command asks for the name typed again.
/// </summary>
public sealed record RegenerateOptions
{
    /// <summary>The provisioning run that creates the new store, once the old one is backed up and removed.</summary>
    public required ProvisionOptions Provision { get; init; }

    /// <summary>The environment's name typed again (case-insensitive); anything else refuses the request.</summary>
    public string? Confirm { get; init; }
}
