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
    public string? Find(string category)
    {
        // The schema reader hands out one string per distinct short value, so nearly every lookup
        // is a category seen before, found here by reference without hashing it again.
        for (var i = 0; i < _recentCount; i++)
        {
            if (ReferenceEquals(_recentKeys[i], category))
            {
                return _recentValues[i];
            }
        }

        var declared = _names.TryGetValue(category, out var value) ? value : null;
        if (declared is not null && _recentCount < _recentKeys.Length)
        {
            _recentKeys[_recentCount] = category;
            _recentValues[_recentCount++] = declared;
        }

        return declared;
    }

    // The category strings looked up so far and what they found: a few per schema. Two arrays,
    // not a list of pairs, so no generic code over a value type is left for the JIT.
    private readonly string[] _recentKeys = new string[16];
    private readonly string[] _recentValues = new string[16];
    private int _recentCount;
}
