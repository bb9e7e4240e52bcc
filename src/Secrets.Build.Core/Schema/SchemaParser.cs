using System;
using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Schema;

/// <summary>Reads <c>secrets.schema.json</c> into a <see cref="SecretsSchema"/>, reporting every problem with its position.</summary>
public static partial class SchemaParser
{
    /// <summary>Parses schema text. <paramref name="path"/> is used only in diagnostics.</summary>
    public static SchemaParseResult Parse(string text, string? path) => throw new NotImplementedException();
}
