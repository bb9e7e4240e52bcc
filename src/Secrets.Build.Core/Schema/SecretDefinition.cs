using System.Collections.Immutable;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.Schema;

/// <summary>One declared secret. Holds no value: the schema only describes.</summary>
/// <param name="Name">The environment-variable name, e.g. <c>POSTGRES_PASSWORD</c>.</param>
/// <param name="PropertyName">The C# property name, e.g. <c>PostgresPassword</c>.</param>
/// <param name="Description">What the secret is for; becomes the property's XML doc.</param>
/// <param name="Category">A rotation category, e.g. <c>database_passwords</c>.</param>
/// <param name="Type">The type code reads it as.</param>
/// <param name="Generation">How the value is produced, or <see cref="GenerationKind.External"/>.</param>
/// <param name="Services">The docker-compose services that consume it.</param>
/// <param name="RotationDays">A per-secret override of the category's policy.</param>
/// <param name="Location">Where the declaration starts in the schema file.</param>
internal sealed record SecretDefinition(
    string Name,
    string PropertyName,
    string Description,
    string Category,
    SecretValueType Type,
    GenerationRule Generation,
    ImmutableArray<string> Services,
    int? RotationDays,
    SourceLocation Location)
{
    /// <summary>True when the user supplies the value.</summary>
    public bool IsExternal => Generation.Kind == GenerationKind.External;
}
