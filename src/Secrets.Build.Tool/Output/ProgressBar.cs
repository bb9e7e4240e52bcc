using Secrets.Build.Core;
using Secrets.Build.Core.Workspace;
using Spectre.Console;

namespace Secrets.Build.Tool.Output;

/// <summary>
/// A progress bar for an operation that counts what it has done (an import or rotation of
/// thousands), on a terminal only: redirected output gets no progress at all, so scripts and logs
/// see just the result.
/// </summary>
internal static class ProgressBar
{
    public static async Task<T> WithProgressAsync<T>(this ToolOutput output, string what, Func<IProgress<SecretsProgress>?, T> operation)
    {
        if (!output.IsTerminal)
        {
            return operation(null);
        }

        var counter = new Counter(what);
        // Core's operations are synchronous: the work runs on the thread pool while the bar moves.
        var work = Task.Run(() => operation(counter));
        // Core counts only once the store is open: an operation that fails before that (no key, a
        // damaged store) prints its errors without an empty bar above them.
        if (await Task.WhenAny(work, counter.Started) == work)
        {
            return await work;
        }

        // Kept on screen when done: the last frame says how many were handled, above the result.
        return await output.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                counter.Show(context.AddTask(what));
                return await work;
            });
    }

    /// <summary>Takes Core's reports (on Core's thread) and moves the bar once there is one.</summary>
    private sealed class Counter(string what) : IProgress<SecretsProgress>
    {
        private readonly Lock _lock = new();
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ProgressTask? _task;
        private SecretsProgress _latest;

        /// <summary>Completes with the first report.</summary>
        public Task Started => _started.Task;

        public void Report(SecretsProgress value)
        {
            lock (_lock)
            {
                _latest = value;
                if (_task is not null)
                {
                    Apply(_task, value);
                }
            }

            _started.TrySetResult();
        }

        public void Show(ProgressTask task)
        {
            lock (_lock)
            {
                _task = task;
                Apply(task, _latest);
            }
        }

        private void Apply(ProgressTask task, SecretsProgress value)
        {
            // An empty selection has nothing to count: shown as done rather than as 0 of 0.
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Total == 0 ? 1 : value.Completed;
            task.Description = $"{what} {value.Completed}/{value.Total}";
        }
    }
}
