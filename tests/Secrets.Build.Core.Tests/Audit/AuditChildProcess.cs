using System.Diagnostics;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Tests.Store;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>
/// Appenders in real separate processes: the test assembly itself, started as
/// <c>dotnet exec Secrets.Build.Core.Tests.dll audit-append ...</c> (see <see cref="StoreWorkerProgram"/>),
/// so the child uses the Core assembly under test, internals included, with no extra project.
/// </summary>
internal static class AuditChildProcess
{
    public const string Command = "audit-append";

    /// <summary>
    /// <c>audit-append &lt;trail&gt; &lt;chain key hex&gt; &lt;worker&gt; &lt;count&gt; &lt;max file bytes&gt; &lt;go-file&gt;</c>:
    /// prints <c>ready</c>, waits for the go-file, then appends its events one at a time.
    /// </summary>
    public static int Run(string[] args)
    {
        var trail = new AuditTrail(args[1], Convert.FromHexString(args[2]),
            new AuditTrailOptions { MaxFileBytes = long.Parse(args[5]) });
        var worker = int.Parse(args[3]);
        var count = int.Parse(args[4]);
        Console.WriteLine("ready");
        while (!File.Exists(args[6]))
        {
            Thread.Sleep(5);
        }

        for (var i = 0; i < count; i++)
        {
            trail.Append(AuditConcurrencyTests.WorkerEvent(worker, i));
        }

        return 0;
    }

    /// <summary>Starts one appender and waits until it is ready for the go-file.</summary>
    public static Child Start(string trailPath, byte[] key, int worker, int count, long maxFileBytes, string goFile)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(StoreWorkerProgram).Assembly.Location, Command, trailPath, Convert.ToHexString(key), worker.ToString(), count.ToString(), maxFileBytes.ToString(), goFile })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        Assert.Equal("ready", process.StandardOutput.ReadLine());
        return new Child(process);
    }

    internal sealed class Child(Process process)
    {
        public void WaitSucceeded()
        {
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "an appender did not finish");
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.ExitCode == 0, "an appender failed:\n" + errors);
            process.Dispose();
        }
    }
}
