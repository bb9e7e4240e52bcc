using System.Collections.Immutable;
using System.Globalization;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Store;

/// <summary>
/// Decides which secrets are due. Pure: the caller supplies when each value was last rotated and the time now,
/// so tests travel in time through an injected clock.
/// </summary>
internal sealed class RotationPolicyEvaluator
{
    /// <summary>How far ahead a coming due date is announced.</summary>
    public static readonly TimeSpan DefaultWarningWindow = TimeSpan.FromDays(14);

    private readonly SecretsSchema _schema;
    private readonly int? _daysOverride;
    private readonly IReadOnlyDictionary<string, int> _categoryOverrides;

    /// <param name="schema">The declarations and their category policies.</param>
    /// <param name="daysOverride">One period for every secret (<c>SecretsRotationDays</c> / <c>SECRET_ROTATION_DAYS</c>).</param>
    /// <param name="categoryOverrides">Periods set from C#, by category; they win over the schema's policies.</param>
    public RotationPolicyEvaluator(SecretsSchema schema, int? daysOverride = null, IReadOnlyDictionary<string, int>? categoryOverrides = null)
    {
        _schema = schema;
        _daysOverride = daysOverride;
        _categoryOverrides = categoryOverrides ?? ImmutableDictionary<string, int>.Empty;
    }

    /// <summary>The announcement window before a due date.</summary>
    public TimeSpan WarningWindow { get; init; } = DefaultWarningWindow;

    /// <summary>The period for one secret: global override, then per-secret, then C# category override, then the schema.</summary>
    public int PeriodDays(SecretDefinition secret)
    {
        if (_daysOverride is { } all)
        {
            return all;
        }

        if (secret.RotationDays is { } own)
        {
            return own;
        }

        return _categoryOverrides.TryGetValue(secret.Category, out var days) ? days : _schema.RotationDaysFor(secret);
    }

    /// <summary>The standing of one secret whose current value dates from <paramref name="lastRotated"/>.</summary>
    public RotationStatus Evaluate(SecretDefinition secret, DateTimeOffset lastRotated, DateTimeOffset now) =>
        Evaluate(secret, lastRotated, now, flaggedDue: null);

    /// <summary>
    /// The standing of one secret, where <paramref name="flaggedDue"/> can bring the due date forward:
    /// an imported value weaker than its rule is recorded with its next rotation set to the import
    /// time, so it shows as overdue although it was stored only now.
    /// </summary>
    public RotationStatus Evaluate(SecretDefinition secret, DateTimeOffset lastRotated, DateTimeOffset now, DateTimeOffset? flaggedDue)
    {
        var period = PeriodDays(secret);
        var due = lastRotated.AddDays(period);
        if (flaggedDue is { } flagged && flagged < due)
        {
            due = flagged;
        }

        var state = now >= due ? RotationState.Overdue
            : now >= due - WarningWindow ? RotationState.DueSoon
            : RotationState.Current;
        var age = (now - lastRotated).TotalDays / period;
        return new RotationStatus(secret.Name, period, lastRotated, due, state, age);
    }

    /// <summary>
    /// Warnings for secrets due soon, and warnings (or errors when <paramref name="enforce"/>) for overdue ones.
    /// External secrets are included: their owner must rotate them at the provider.
    /// </summary>
    public ImmutableArray<SecretsDiagnostic> Check(
        IReadOnlyDictionary<string, DateTimeOffset> lastRotated,
        DateTimeOffset now,
        bool enforce) =>
        Check(name => lastRotated.TryGetValue(name, out var since) ? (since, null) : null, now, enforce);

    /// <summary>
    /// As <see cref="Check(IReadOnlyDictionary{string, DateTimeOffset}, DateTimeOffset, bool)"/>, from the
    /// metadata file's facts: the rotation time, and a recorded next rotation that comes earlier
    /// than the policy's (a weak imported value).
    /// </summary>
    public ImmutableArray<SecretsDiagnostic> Check(
        IReadOnlyDictionary<string, Store.SecretMetadata> metadata,
        DateTimeOffset now,
        bool enforce) =>
        Check(name => metadata.TryGetValue(name, out var facts) ? (facts.RotatedAt, facts.NextRotation) : null, now, enforce);

    private ImmutableArray<SecretsDiagnostic> Check(
        Func<string, (DateTimeOffset LastRotated, DateTimeOffset? FlaggedDue)?> factsOf,
        DateTimeOffset now,
        bool enforce)
    {
        var diagnostics = ImmutableArray.CreateBuilder<SecretsDiagnostic>();
        foreach (var secret in _schema.Secrets)
        {
            if (factsOf(secret.Name) is not { } facts)
            {
                continue;
            }

            var status = Evaluate(secret, facts.LastRotated, now, facts.FlaggedDue);
            var due = status.Due.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var how = secret.IsExternal
                ? $"Rotate it at its provider, then set the new value in the environment variable {secret.Name} and build."
                : $"Run: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={secret.Name}";
            if (status.State == RotationState.Overdue)
            {
                var message = $"{secret.Name} was due for rotation on {due} ({status.PeriodDays}-day policy of '{secret.Category}').";
                diagnostics.Add(enforce
                    ? SecretsDiagnostic.Error(DiagnosticCodes.RotationOverdue, message + " Rotation is enforced for this environment.", how, secret.Location)
                    : SecretsDiagnostic.Warning(DiagnosticCodes.RotationOverdue, message, how, secret.Location));
            }
            else if (status.State == RotationState.DueSoon)
            {
                diagnostics.Add(SecretsDiagnostic.Warning(DiagnosticCodes.RotationDueSoon,
                    $"{secret.Name} is due for rotation on {due} ({status.PeriodDays}-day policy of '{secret.Category}').",
                    how, secret.Location));
            }
        }

        return diagnostics.ToImmutable();
    }
}
