using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Outputs;

/// <summary>Checks shared by every output that lists variables.</summary>
internal static class VariableNames
{
    /// <summary>True for a POSIX environment-variable name: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        // A loop, not Enumerable.All: LINQ over char is generic code no ReadyToRun image holds.
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws SECB302 for an invalid name and SECB303 for a repeated one.</summary>
    public static void EnsureValidAndUnique(IEnumerable<string> names, string output)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            EnsureValidAndNew(name, seen, output);
        }
    }

    /// <summary>The same checks on the names of declared secrets.</summary>
    public static void EnsureValidAndUnique(ImmutableArray<SecretDefinition> secrets, string output)
    {
        var seen = new HashSet<string>(secrets.Length, StringComparer.Ordinal);
        foreach (var secret in secrets)
        {
            EnsureValidAndNew(secret.Name, seen, output);
        }
    }

    /// <summary>The same checks on the names of name/value pairs. An indexed loop, not a LINQ
    /// projection: Select over the tuple is generic code no ReadyToRun image holds.</summary>
    public static void EnsureValidAndUnique(IReadOnlyList<(string Name, string Value)> values, string output)
    {
        var seen = new HashSet<string>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            EnsureValidAndNew(values[i].Name, seen, output);
        }
    }

    private static void EnsureValidAndNew(string name, HashSet<string> seen, string output)
    {
        if (!IsValid(name))
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.InvalidVariableName,
                $"'{name}' cannot be written to {output}: it is not an environment-variable name.",
                "Rename the secret in secrets.schema.json to letters, digits and '_', not starting with a digit (e.g. POSTGRES_PASSWORD).",
                SourceLocation.ForFile(output)));
        }

        if (!seen.Add(name))
        {
            throw new SecretsException(SecretsDiagnostic.Error(
                DiagnosticCodes.DuplicateVariable,
                $"'{name}' is listed twice for {output}.",
                "Pass each secret once.",
                SourceLocation.ForFile(output)));
        }
    }
}
