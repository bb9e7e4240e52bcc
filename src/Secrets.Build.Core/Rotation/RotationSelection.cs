using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Rotation;

/// <summary>
/// Turns the selectors of <c>-p:SecretsRotate=...</c> into the declared secrets they mean:
/// <c>all</c>, <c>due</c> (overdue or due within the warning window), a category such as
/// <c>jwt_secrets</c>, or a secret name such as <c>JWT_SECRET_KEY</c> (any case).
/// </summary>
internal static class RotationSelection
{
    public const string All = "all";
    public const string Due = "due";

    public static IReadOnlyList<SecretDefinition>? Resolve(
        SecretsSchema schema,
        IReadOnlyList<string> selectors,
        RotationPolicyEvaluator evaluator,
        SecretStore store,
        DateTimeOffset now,
        List<SecretsDiagnostic> diagnostics)
    {
        var cleaned = selectors.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (cleaned.Count == 0)
        {
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.RotationNothingSelected,
                "Nothing was selected for rotation.",
                "Name categories, secrets, 'due' or 'all': dotnet msbuild -t:RotateSecrets -p:SecretsRotate=database_passwords;jwt_secrets",
                SourceLocation.ForFile(schema.SourcePath)));
            return null;
        }

        var selected = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var selector in cleaned)
        {
            var matches = Match(schema, selector, evaluator, store, now);
            if (matches is null)
            {
                unknown.Add(selector);
                continue;
            }

            selected.UnionWith(matches.Select(s => s.Name));
        }

        if (unknown.Count > 0)
        {
            var categories = schema.Secrets.Select(s => s.Category).Distinct().Order(StringComparer.Ordinal);
            diagnostics.Add(SecretsDiagnostic.Error(DiagnosticCodes.RotationUnknownSelector,
                $"No category or secret is named {string.Join(", ", unknown.Select(u => $"'{u}'"))}; nothing was rotated.",
                $"Use 'all', 'due', a category ({string.Join(", ", categories)}) or a secret name from the schema.",
                SourceLocation.ForFile(schema.SourcePath)));
            return null;
        }

        // Schema order, so results and audit lines read like the schema.
        return [.. schema.Secrets.Where(s => selected.Contains(s.Name))];
    }

    private static IEnumerable<SecretDefinition>? Match(
        SecretsSchema schema, string selector, RotationPolicyEvaluator evaluator, SecretStore store, DateTimeOffset now)
    {
        if (string.Equals(selector, All, StringComparison.OrdinalIgnoreCase))
        {
            return schema.Secrets;
        }

        if (string.Equals(selector, Due, StringComparison.OrdinalIgnoreCase))
        {
            return schema.Secrets.Where(s => store.Contains(s.Name) && IsDue(evaluator, s, store.GetMetadata(s.Name), now));
        }

        var inCategory = schema.Secrets.Where(s => string.Equals(s.Category, selector, StringComparison.OrdinalIgnoreCase)).ToList();
        if (inCategory.Count > 0)
        {
            return inCategory;
        }

        var named = schema.Secrets.Where(s => string.Equals(s.Name, selector, StringComparison.OrdinalIgnoreCase)).ToList();
        return named.Count > 0 ? named : null;
    }

    private static bool IsDue(RotationPolicyEvaluator evaluator, SecretDefinition secret, SecretMetadata metadata, DateTimeOffset now) =>
        evaluator.Evaluate(secret, metadata.RotatedAt, now, metadata.NextRotation).State != RotationState.Current;
}
