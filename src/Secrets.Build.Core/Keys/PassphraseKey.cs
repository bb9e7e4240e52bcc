namespace Secrets.Build.Core.Keys;

/// <summary>
/// A passphrase from a <c>SECRETS_BUILD_PASSPHRASE*</c> variable. The store stretches it with
/// Argon2id, using the salt and parameters its header records.
/// </summary>
internal sealed record PassphraseKey : KeyMaterial
{
    /// <summary>Creates a passphrase key.</summary>
    /// <param name="passphrase">The passphrase (not empty).</param>
    /// <param name="source">Where it came from (never the passphrase).</param>
    public PassphraseKey(string passphrase, string source)
        : base(source)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        Passphrase = passphrase;
    }

    /// <summary>The passphrase.</summary>
    public string Passphrase { get; }

    /// <summary>Names the source only; never prints the passphrase.</summary>
    public override string ToString() => $"PassphraseKey {{ Source = {Source} }}";
}
