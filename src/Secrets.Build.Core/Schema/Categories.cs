using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Secrets.Build.Core.Schema;

/// <summary>
/// The rotation categories a schema declares (defaults merged with its own), and the list a
/// diagnostic offers as choices, built once per schema and only when a diagnostic needs it.
/// </summary>
internal sealed class Categories
{
    // Each name maps to itself: secrets then share the policy's string, and the per-secret
    // category lookups later (rotation days, outputs) compare equal references first.
    private readonly Dictionary<string, string> _names;
    private string? _choices;

    public Categories(ImmutableArray<RotationPolicy> policies)
    {
        _names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            _names[policy.Category] = policy.Category;
        }
    }

    /// <summary>The names in ordinal order, comma separated.</summary>
    public string Choices => _choices ??= string.Join(", ", _names.Keys.OrderBy(c => c, StringComparer.Ordinal));

    /// <summary>The declared instance of <paramref name="category"/>, or null when no policy names it.</summary>
    public string? Find(string category) => _names.TryGetValue(category, out var declared) ? declared : null;
}
