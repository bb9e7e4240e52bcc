using Spectre.Console;

namespace Secrets.Build.Tool.Output;

/// <summary>A spinner while a long operation (an import or rotation of thousands) runs, on a terminal only.</summary>
internal static class StatusSpinner
{
    public static async Task<T> WithStatusAsync<T>(this ToolOutput output, string what, Func<Task<T>> operation)
    {
        if (!output.IsTerminal)
        {
            return await operation();
        }

        // Core reports no per-secret progress, so the terminal shows that work goes on, not how much is left.
        return await output.Console.Status().StartAsync(what + "…", _ => operation());
    }
}
