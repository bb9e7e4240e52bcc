namespace Secrets.Build.Core.Audit;

/// <summary>One line of the trail as <see cref="AuditReader"/> returns it.</summary>
/// <param name="Sequence">The line's <c>seq</c>, unique and gap-free across the whole trail.</param>
/// <param name="Event">What the line records.</param>
/// <param name="File">The trail file the line is in (active or rolled-over).</param>
/// <param name="Line">The 1-based line number in that file.</param>
internal sealed record AuditRecord(long Sequence, AuditEvent Event, string File, int Line);
