namespace Secrets.Build.Core.Store;

/// <summary>Where a secret stands against its rotation period.</summary>
public enum RotationState
{
    /// <summary>More than the warning window remains.</summary>
    Current,
    /// <summary>Due within the warning window.</summary>
    DueSoon,
    /// <summary>Past its due date.</summary>
    Overdue,
}

/// <summary>One secret's rotation standing at a given instant.</summary>
/// <param name="Name">The secret.</param>
/// <param name="PeriodDays">The period that applies (override, category policy, or the global setting).</param>
/// <param name="LastRotated">When the current value was created or last rotated.</param>
/// <param name="Due">When it must be rotated.</param>
/// <param name="State">Current, due soon or overdue.</param>
/// <param name="AgeFraction">Age divided by the period: 1.0 is due today.</param>
public sealed record RotationStatus(
    string Name,
    int PeriodDays,
    DateTimeOffset LastRotated,
    DateTimeOffset Due,
    RotationState State,
    double AgeFraction);
