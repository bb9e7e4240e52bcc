using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Secrets.Build.Core.Schema.Json;

namespace Secrets.Build.Core.Schema;

/// <summary>
/// The usable members of one schema object, found by name: known fields only, first occurrence
/// of each. An object has at most a handful of fields, so a scan beats a dictionary, and when the
/// object has no repeated or unknown field its own member array is used as it is.
/// A struct, so finding a secret's fields allocates nothing.
/// </summary>
internal readonly struct ObjectMembers
{
    private readonly JsonMember[] _members;

    public ObjectMembers(JsonMember[] members) => _members = members;

    /// <summary>The member with this name.</summary>
    public JsonMember this[string name] => TryGetValue(name, out var member) ? member : throw new KeyNotFoundException(name);

    public bool ContainsKey(string name) => TryGetValue(name, out _);

    public bool TryGetValue(string name, [NotNullWhen(true)] out JsonMember? member)
    {
        foreach (var candidate in _members)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                member = candidate;
                return true;
            }
        }

        member = null;
        return false;
    }
}
