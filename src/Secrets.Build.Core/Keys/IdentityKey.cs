using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Keys;

/// <summary>
/// One or more age identities used as the key to a store: the store opens when one of them is
/// among its recipients. Found by <see cref="IdentityLocator"/>.
/// </summary>
internal sealed record IdentityKey : KeyMaterial
{
    /// <summary>Creates the key from identities (at least one).</summary>
    /// <param name="identities">The identities; each keeps its own source for messages.</param>
    /// <param name="source">Where they came from, e.g. "identity file ~/.config/secrets-build/keys/identity.txt".</param>
    public IdentityKey(IReadOnlyList<AgeIdentity> identities, string source)
        : base(source)
    {
        ArgumentNullException.ThrowIfNull(identities);
        if (identities.Count == 0)
        {
            throw new ArgumentException("At least one identity is needed.", nameof(identities));
        }

        Identities = identities;
    }

    /// <summary>The identities, in the order they were found.</summary>
    public IReadOnlyList<AgeIdentity> Identities { get; }

    /// <summary>Each identity as its public recipient, fingerprint and source: what a message may show.</summary>
    public string Describe() => string.Join(", ", Identities.Select(i => $"{i.Recipient} (age {i.Recipient.Fingerprint}, from {i.Source})"));

    /// <summary>Names the public recipients only.</summary>
    public override string ToString() => $"IdentityKey {{ Recipients = {string.Join(", ", Identities.Select(i => i.Recipient.Text))}, Source = {Source} }}";
}
