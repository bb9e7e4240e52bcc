namespace Secrets.Build.Core.Keys;

/// <summary>The names of the environment variables keys come from.</summary>
internal static class KeyVariables
{
    /// <summary>A key for every environment (used when no environment-specific one is set).</summary>
    public const string SharedKey = "SECRETS_BUILD_KEY";

    /// <summary>A passphrase for every environment.</summary>
    public const string SharedPassphrase = "SECRETS_BUILD_PASSPHRASE";

    /// <summary>Where key files live, overriding the per-user default.</summary>
    public const string KeyDirectory = "SECRETS_BUILD_KEY_DIR";

    /// <summary><c>SECRETS_BUILD_KEY_&lt;ENV&gt;</c>, e.g. <c>SECRETS_BUILD_KEY_PRODUCTION</c>.</summary>
    public static string KeyFor(string environment) => SharedKey + "_" + Suffix(environment);

    /// <summary><c>SECRETS_BUILD_PASSPHRASE_&lt;ENV&gt;</c>.</summary>
    public static string PassphraseFor(string environment) => SharedPassphrase + "_" + Suffix(environment);

    /// <summary>
    /// The environment name upper-cased, with every character other than A-Z and 0-9 replaced by
    /// an underscore, since shells and CI systems accept only such names (<c>qa-eu</c> becomes <c>QA_EU</c>).
    /// </summary>
    public static string Suffix(string environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        return string.Create(environment.Length, environment, static (chars, name) =>
        {
            for (var i = 0; i < name.Length; i++)
            {
                var c = char.ToUpperInvariant(name[i]);
                chars[i] = c is >= 'A' and <= 'Z' or >= '0' and <= '9' ? c : '_';
            }
        });
    }
}
