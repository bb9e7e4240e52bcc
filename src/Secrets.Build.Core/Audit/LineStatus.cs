namespace Secrets.Build.Core.Audit;

/// <summary>What <see cref="AuditLineReader.ReadLine"/> found.</summary>
internal enum LineStatus
{
    Line,
    TooLong,
    EndOfFile,
}
