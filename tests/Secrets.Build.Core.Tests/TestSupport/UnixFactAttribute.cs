namespace Secrets.Build.Core.Tests.TestSupport;

/// <summary>A fact about Unix file modes; reported as skipped on Windows, which has none.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not exist on Windows.";
        }
    }
}
