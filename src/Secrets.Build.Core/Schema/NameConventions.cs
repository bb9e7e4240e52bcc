using System.Collections.Generic;
using System.Text;

namespace Secrets.Build.Core.Schema;

/// <summary>The naming rules shared by the schema, the outputs and the generated C#.</summary>
internal static class NameConventions
{
    /// <summary>
    /// Members <c>AppSecrets</c> defines itself; a secret may not map to one of them.
    /// </summary>
    public static readonly IReadOnlyCollection<string> ReservedPropertyNames = new HashSet<string>(System.StringComparer.Ordinal)
    {
        "Environment", "BuildEnvironment", "Descriptors", "Validate", "Inspect", "Previous", "Versions", "Reload",
        "GetValue", "TryGetValue", "EnvironmentVariable", "AppSecrets", "SecretDescriptor", "SecretStatus",
        "AppSecretsException", "SecretsRuntime", "ResolvedText", "AppSecretsConfigurationExtensions",

        // object's members: a property named like one would hide or clash with it.
        "Equals", "ReferenceEquals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize",
    };

    /// <summary>
    /// Appended to a secret's name for the variable that carries its value from before its last
    /// rotation (<c>JWT_KEY__PREVIOUS</c>), so no declared name may end with it.
    /// </summary>
    public const string PreviousSuffix = "__PREVIOUS";

    /// <summary>
    /// Variables read for the tool's and the runtime's own settings: a secret with one of these
    /// names would be written into <c>.env</c> and the compose environment, where it would change
    /// which environment, and so which secrets, the application reads, or how the tool behaves.
    /// </summary>
    private static readonly HashSet<string> ReservedVariables = new(System.StringComparer.Ordinal)
    {
        "SECRETS_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_ENVIRONMENT", "SECRETS_WORKSPACE_PATH",
        "SECRETS_DEBUG", "SECRET_ROTATION_DAYS",
    };

    /// <summary>The prefix of the variables that hold keys, passphrases, identities and the key folder.</summary>
    private const string KeyVariablePrefix = "SECRETS_BUILD_";

    /// <summary>True when <paramref name="name"/> ends in <see cref="PreviousSuffix"/>.</summary>
    public static bool HasPreviousSuffix(string name) => name.EndsWith(PreviousSuffix, System.StringComparison.Ordinal);

    /// <summary>True when <paramref name="name"/> is a variable Secrets.Build or .NET reads for its own settings (see <see cref="ReservedVariables"/>).</summary>
    public static bool IsReservedVariable(string name) =>
        ReservedVariables.Contains(name) || name.StartsWith(KeyVariablePrefix, System.StringComparison.Ordinal);

    /// <summary>Environment-variable style: an upper-case letter, then upper-case letters, digits and underscores.</summary>
    public static bool IsValidSecretName(string name)
    {
        if (name.Length == 0 || name.Length > 128 || name[0] < 'A' || name[0] > 'Z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>POSTGRES_PASSWORD</c> becomes <c>PostgresPassword</c>; <c>S3_KEY</c> becomes <c>S3Key</c>.</summary>
    public static string ToPropertyName(string name)
    {
        if (IsAscii(name))
        {
            return AsciiToPropertyName(name);
        }

        var builder = new StringBuilder(name.Length);
        foreach (var part in name.Split('_'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(part.Substring(1).ToLowerInvariant());
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="ToPropertyName"/> for ASCII names (every valid secret name), in one pass and one
    /// buffer; ASCII case mapping is the same in every culture, so the result is identical.
    /// </summary>
    private static string AsciiToPropertyName(string name)
    {
        var characters = new char[name.Length];
        var length = 0;
        var startsPart = true;
        foreach (var c in name)
        {
            if (c == '_')
            {
                startsPart = true;
                continue;
            }

            characters[length++] = startsPart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            startsPart = false;
        }

        return new string(characters, 0, length);
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A DNS-1123 label: lower-case letters, digits and hyphens, 1 to 50 characters.</summary>
    public static bool IsValidProjectName(string name) => IsDnsLabel(name, 50);

    /// <summary>Lower-case letters, digits and hyphens, starting with a letter.</summary>
    public static bool IsValidEnvironmentName(string name) =>
        name.Length is > 0 and <= 32 && name[0] is >= 'a' and <= 'z' && IsDnsLabel(name, 32);

    /// <summary>Lower-case snake case, as in <c>database_passwords</c>.</summary>
    public static bool IsValidCategory(string name)
    {
        if (name.Length == 0 || name.Length > 64 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What docker compose accepts as a service name.</summary>
    public static bool IsValidServiceName(string name)
    {
        if (name.Length == 0 || name.Length > 63 || !(name[0] is >= 'a' and <= 'z' or >= '0' and <= '9'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDnsLabel(string name, int maxLength)
    {
        if (name.Length == 0 || name.Length > maxLength || name[0] == '-' || name[name.Length - 1] == '-')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
