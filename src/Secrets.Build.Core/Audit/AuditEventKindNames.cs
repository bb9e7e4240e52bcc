namespace Secrets.Build.Core.Audit;

/// <summary>The names event kinds have in the trail; they never change once shipped.</summary>
internal static class AuditEventKindNames
{
    /// <summary>The trail name of <paramref name="kind"/>, e.g. <c>key-rotated</c>.</summary>
    public static string ToName(AuditEventKind kind) => kind switch
    {
        AuditEventKind.Generated => "generated",
        AuditEventKind.Imported => "imported",
        AuditEventKind.Accessed => "accessed",
        AuditEventKind.Exported => "exported",
        AuditEventKind.Rotated => "rotated",
        AuditEventKind.KeyRotated => "key-rotated",
        AuditEventKind.Report => "report",
        AuditEventKind.Failure => "failure",
        AuditEventKind.RecipientAdded => "recipient-added",
        AuditEventKind.RecipientRemoved => "recipient-removed",
        AuditEventKind.RollbackAccepted => "rollback-accepted",
        AuditEventKind.ChainKeyChanged => "chain-key-changed",
        AuditEventKind.KmsKeyAdded => "kms-key-added",
        AuditEventKind.KmsKeyRemoved => "kms-key-removed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an audit event kind."),
    };

    /// <summary>The kind a trail name stands for; false for a name this version does not know.</summary>
    public static bool TryParse(string name, out AuditEventKind kind)
    {
        foreach (var candidate in Enum.GetValues<AuditEventKind>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
