using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Store;

/// <summary>
/// The run-time contract for values that were just replaced (see Rotation/README.md): for a grace
/// period after a rotation, <c>.env.&lt;env&gt;</c> also carries <c>&lt;NAME&gt;__PREVIOUS</c> with the
/// value before, so a JWT verifier or a database client can accept both while the change rolls out.
/// </summary>
internal static class PreviousValues
{
    /// <summary>Appended to a secret's name for its previous value: <c>JWT_SECRET_KEY__PREVIOUS</c>.</summary>
    public const string Suffix = NameConventions.PreviousSuffix;

    /// <summary>How long a replaced value stays in the outputs after its rotation: 7 days.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromDays(7);

    /// <summary>How many replaced values each secret keeps in the store, newest last: 3.</summary>
    public const int DefaultRetiredVersionsKept = 3;

    /// <summary>The variable name of <paramref name="name"/>'s previous value.</summary>
    public static string VariableName(string name) => name + Suffix;

    /// <summary>True when a value retired at <paramref name="retiredAt"/> is still within its grace period at <paramref name="now"/>.</summary>
    public static bool InGrace(DateTimeOffset retiredAt, DateTimeOffset now, TimeSpan gracePeriod) =>
        now >= retiredAt && now - retiredAt < gracePeriod;

    /// <summary>
    /// The <c>NAME__PREVIOUS</c> entries for declared secrets whose newest retired version is
    /// within the grace period, in schema order.
    /// </summary>
    internal static IReadOnlyList<(string Name, string Value)> ForOutputs(SecretsSchema schema, SecretStore store, DateTimeOffset now, TimeSpan gracePeriod)
    {
        var entries = new List<(string Name, string Value)>();
        foreach (var secret in schema.Secrets.Where(s => store.Contains(s.Name)))
        {
            var history = store.History(secret.Name);
            if (history.Count > 0 && history[^1] is var newest && InGrace(newest.RetiredAt, now, gracePeriod))
            {
                entries.Add((VariableName(secret.Name), store.RevealVersion(secret.Name, newest.Version)));
            }
        }

        return entries;
    }
}
