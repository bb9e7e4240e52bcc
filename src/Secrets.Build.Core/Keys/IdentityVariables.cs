
namespace Secrets.Build.Core.Keys;

/// <summary>The environment variables and file names age identities come from.</summary>
internal static class IdentityVariables
{
    /// <summary>The text of an identity file for every environment (used together with the environment-specific one).</summary>
    public const string SharedIdentity = "SECRETS_BUILD_IDENTITY";

    /// <summary>A person's identity file in the key folder, for every store and environment.</summary>
    public const string IdentityFileName = "identity.txt";

    /// <summary><c>SECRETS_BUILD_IDENTITY_&lt;ENV&gt;</c>, e.g. <c>SECRETS_BUILD_IDENTITY_PRODUCTION</c>: the text of an identity file.</summary>
    public static string IdentityFor(string environment) => SharedIdentity + "_" + KeyVariables.Suffix(environment);

    /// <summary><c>identity.&lt;env&gt;.txt</c>: an identity for one environment only (e.g. a build server's production identity).</summary>
    public static string IdentityFileFor(string environment) => $"identity.{KeyVariables.Suffix(environment).ToLowerInvariant()}.txt";
}
