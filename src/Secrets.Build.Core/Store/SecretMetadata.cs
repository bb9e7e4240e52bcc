namespace Secrets.Build.Core.Store;

/// <summary>
/// The non-secret facts about one stored value, as the metadata file records them.
/// Times are UTC with whole seconds.
/// </summary>
/// <param name="Version">1 for the first value, one more for every change.</param>
/// <param name="CreatedAt">When version 1 was stored.</param>
/// <param name="RotatedAt">When the current version was stored (equals <paramref name="CreatedAt"/> for version 1).</param>
/// <param name="NextRotation">When the current value is due for rotation, or null when no policy applies.</param>
/// <param name="Source">Where the value came from.</param>
/// <param name="Fingerprint">
/// A keyed fingerprint (<c>hmac-sha256:</c> + hex): equal values in one store have equal
/// fingerprints, but without the store's key it reveals nothing, unlike a plain hash of a
/// low-entropy value.
/// </param>
internal sealed record SecretMetadata(
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset RotatedAt,
    DateTimeOffset? NextRotation,
    SecretSource Source,
    string Fingerprint);
