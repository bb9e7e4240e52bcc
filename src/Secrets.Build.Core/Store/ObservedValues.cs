namespace Secrets.Build.Core.Store;

/// <summary>
/// Hands every value a store stores or reveals, with its secret's name, to an observer set for
/// the whole process. The test suites set one that appends each value to a ledger, and CI then
/// scans every test and build log for those values. Nothing sets it in a build.
/// </summary>
internal static class ObservedValues
{
    /// <summary>The process-wide observer (name, value), or null.</summary>
    public static Action<string, string>? Observer { get; set; }

    /// <summary>Reports <paramref name="value"/> to the observer, if any, and returns it.</summary>
    public static string Report(string name, string value)
    {
        Observer?.Invoke(name, value);
        return value;
    }
}
