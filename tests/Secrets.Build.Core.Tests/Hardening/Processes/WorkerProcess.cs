using System.Collections.Concurrent;
using System.Diagnostics;
using Secrets.Build.Core.Tests.Store;

namespace Secrets.Build.Core.Tests.Hardening.Processes;

/// <summary>A <see cref="ProvisionWorker"/> running as a child process, whose output lines are collected as they come.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly List<string> _all = new();
    private readonly System.Text.StringBuilder _errors = new();

    private WorkerProcess(Process process) => _process = process;

    public int ExitCode => _process.ExitCode;

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Starts a provisioning worker with <paramref name="variables"/> added to a clean environment.</summary>
    public static WorkerProcess StartProvision(string schemaPath, string environment, string keyDirectory, IReadOnlyDictionary<string, string> variables) =>
        Start([ProvisionWorker.Command, schemaPath, environment, keyDirectory], variables);

    /// <summary>Starts a <see cref="RotateWorker"/> rotating <paramref name="selector"/> (a category, a name or <c>all</c>).</summary>
    public static WorkerProcess StartRotate(string schemaPath, string environment, string keyDirectory, string selector, IReadOnlyDictionary<string, string> variables) =>
        Start([RotateWorker.Command, schemaPath, environment, keyDirectory, selector], variables);

    private static WorkerProcess Start(string[] arguments, IReadOnlyDictionary<string, string> variables)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(StoreWorkerProgram).Assembly.Location }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the machine may choose a key or an external value for the worker.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SECRETS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process);
        process.OutputDataReceived += (_, e) => worker.Received(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (worker._errors)
            {
                worker._errors.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Waits until the worker prints <paramref name="line"/>; false when it exits first.</summary>
    public bool WaitForLine(string line, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_lines.TryTake(out var next, TimeSpan.FromMilliseconds(50)))
            {
                if (next == line)
                {
                    return true;
                }
            }
            else if (_lines.IsCompleted)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>SIGKILL on Unix (TerminateProcess on Windows): no finally block or flush runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public void WaitForExit()
    {
        Assert.True(_process.WaitForExit(TimeSpan.FromMinutes(3)), "a worker did not exit within 3 minutes");
        _process.WaitForExit();
    }

    public bool HasExited => _process.HasExited;

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            _lines.CompleteAdding();
            return;
        }

        lock (_all)
        {
            _all.Add(line);
        }

        _lines.Add(line);
    }
}
