namespace Secrets.Build.Core.Keys;

/// <summary>
/// The environment's key (the key that wraps a store's data key), as found by <see cref="KeyLocator"/>.
/// </summary>
/// <param name="Source">Where it came from, for messages: e.g. "environment variable SECRETS_BUILD_KEY_PRODUCTION"
/// or a key file's path. Never the key itself.</param>
internal abstract record KeyMaterial(string Source);
