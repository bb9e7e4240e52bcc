namespace Secrets.Build.Core.Store;

internal sealed partial class SecretStore
{
    /// <summary>
    /// The earlier versions of <paramref name="name"/> the store still holds, oldest first, each
    /// with the time it was replaced. Read one with <see cref="RevealVersion"/>.
    /// </summary>
    public IReadOnlyList<RetiredValueInfo> History(string name) =>
        [.. Get(name).Retired.Select(r => new RetiredValueInfo(name, r.Version, r.RetiredAt))];

    /// <summary>
    /// Drops all but the newest <paramref name="keep"/> retired versions of <paramref name="name"/>,
    /// so a secret rotated every month does not carry every value it ever had. Returns how many
    /// were dropped. Takes effect on <see cref="Save()"/>.
    /// </summary>
    internal int TrimHistory(string name, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        var secret = Get(name);
        var drop = secret.Retired.Count - keep;
        if (drop <= 0)
        {
            return 0;
        }

        _secrets[name] = new StoredSecret
        {
            Version = secret.Version,
            Nonce = secret.Nonce,
            Ciphertext = secret.Ciphertext,
            Retired = [.. secret.Retired.Skip(drop)],
            Plaintext = secret.Plaintext,
            Metadata = secret.Metadata,
        };
        return drop;
    }
}

/// <summary>One earlier value of a secret, without the value.</summary>
/// <param name="Name">The secret.</param>
/// <param name="Version">The version it had.</param>
/// <param name="RetiredAt">When a newer version replaced it (UTC, whole seconds).</param>
internal sealed record RetiredValueInfo(string Name, int Version, DateTimeOffset RetiredAt);
