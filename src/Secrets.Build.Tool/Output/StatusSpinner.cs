using Spectre.Console;

namespace Secrets.Build.Tool.Output;

/// <summary>A spinner while an operation that reports no progress (a key rotation, a regeneration) runs, on a terminal only.</summary>
internal static class StatusSpinner
{
    public static async Task<T> WithStatusAsync<T>(this ToolOutput output, string what, Func<T> operation)
    {
        if (!output.IsTerminal)
        {
            return operation();
        }

        // No count to show: the terminal shows that work goes on, not how much is left. Core's
        // operations are synchronous, so the work runs on the thread pool while the spinner turns.
        return await output.Console.Status().StartAsync(what + "…", _ => Task.Run(operation));
    }
}
