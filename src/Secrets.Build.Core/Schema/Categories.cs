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
    private readonly HashSet<string> _names;
    private string? _choices;

    public Categories(ImmutableArray<RotationPolicy> policies)
    {
        _names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            _names.Add(policy.Category);
        }
    }

    /// <summary>The names in ordinal order, comma separated.</summary>
    public string Choices => _choices ??= string.Join(", ", _names.OrderBy(c => c, StringComparer.Ordinal));

    public bool Contains(string category) => _names.Contains(category);
}
