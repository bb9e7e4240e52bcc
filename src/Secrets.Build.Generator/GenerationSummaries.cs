using System.Collections.Generic;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Generator;

/// <summary>
/// The short description of each generation rule ("a password of 32 characters"), made once per
/// distinct rule. Schemas repeat a handful of rules across thousands of secrets: those secrets then
/// share one string instead of formatting their own, and comparing two models finds it equal by reference.
/// </summary>
internal sealed class GenerationSummaries
{
    private readonly Dictionary<(GenerationKind Kind, int Length, int Bytes, string Prefix), string> made = new();

    /// <summary>The description of <paramref name="rule"/>; never a value, only how one is made.</summary>
    public string For(GenerationRule rule)
    {
        var key = (rule.Kind, rule.Length, rule.Bytes, rule.Prefix);
        if (!made.TryGetValue(key, out var summary))
        {
            summary = Summarize(rule);
            made.Add(key, summary);
        }

        return summary;
    }

    private static string Summarize(GenerationRule rule) => rule.Kind switch
    {
        GenerationKind.Password => $"a password of {rule.Length} characters",
        GenerationKind.Token => $"a token: '{rule.Prefix}' and {rule.Length} characters",
        GenerationKind.Hex => $"{rule.Bytes} random bytes as hex",
        GenerationKind.Base64 => $"{rule.Bytes} random bytes as base64",
        GenerationKind.Base64Url => $"{rule.Bytes} random bytes as base64url",
        GenerationKind.Uuid => "a random UUID",
        _ => "supplied by you (external, never generated)",
    };
}
