using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// moto's AWS server (a real HTTP KMS endpoint) as <c>tests/kms/install-moto.sh</c> installs it
/// into <c>artifacts/test-inputs/moto</c>: started with Debian's /usr/bin/python3 on 127.0.0.1 on a
/// free port, and stopped by its process id.
/// </summary>
public sealed class MotoServer : IDisposable
{
    public const string InstallCommand = "bash tests/kms/install-moto.sh";

    // The interpreter the Debian packages moto runs on belong to; a python3 on PATH may be another.
    private const string Python = "/usr/bin/python3";

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private bool stopped;

    private MotoServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public static string SitePackages { get; } =
        Path.Combine(TestPaths.RepositoryRoot, "artifacts", "test-inputs", "moto", "usr", "lib", "python3", "dist-packages");

    /// <summary>The server's URL, for <c>AWS_ENDPOINT_URL_KMS</c>.</summary>
    public Uri Endpoint { get; }

    public int ProcessId => process.Id;

    /// <summary>Null when moto is installed, else why the KMS tests cannot run.</summary>
    public static string? Missing() =>
        !File.Exists(Python)
            ? $"{Python} (Debian's python3) is missing; run {InstallCommand} as root (CI does this in .ci/run)."
            : !Directory.Exists(Path.Combine(SitePackages, "moto"))
                ? $"moto's KMS server is not installed in {SitePackages}; run {InstallCommand} as root (CI does this in .ci/run)."
                : null;

    /// <summary>Starts a server and returns once it answers HTTP.</summary>
    public static MotoServer Start()
    {
        if (Missing() is { } missing)
        {
            throw new InvalidOperationException(missing);
        }

        var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "moto.server", "-H", "127.0.0.1", "-p", endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = SitePackages;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        var server = new MotoServer(Process.Start(start)!, endpoint);
        server.process.OutputDataReceived += (_, e) => server.Record(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            server.WaitUntilAnswering();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>moto accepts any credentials; distinctive ones, so a test can check that no output holds them.</summary>
    public const string ChildAccessKeyId = "AKIAMOTOCHILDTEST001";
    public const string ChildSecretAccessKey = "moto-child-test-secret-4b1d8e2f9a7c";

    /// <summary>
    /// The standard AWS variables that point a child process (a build, the tool) at this server, as a
    /// user points the SDK at an endpoint: no credential reaches it any other way.
    /// </summary>
    public IReadOnlyDictionary<string, string> ChildVariables => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_KMS"] = Endpoint.ToString(),
        ["AWS_ACCESS_KEY_ID"] = ChildAccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = ChildSecretAccessKey,
        ["AWS_REGION"] = "us-east-1",
        // No instance metadata: without this the SDK could wait on 169.254.169.254.
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>Creates a symmetric encryption key through the real SDK, with <see cref="ChildVariables"/>' credentials, and returns its ARN.</summary>
    public string CreateKey()
    {
        using var kms = new Amazon.KeyManagementService.AmazonKeyManagementServiceClient(
            new Amazon.Runtime.BasicAWSCredentials(ChildAccessKeyId, ChildSecretAccessKey),
            new Amazon.KeyManagementService.AmazonKeyManagementServiceConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        return kms.CreateKeyAsync(new Amazon.KeyManagementService.Model.CreateKeyRequest()).GetAwaiter().GetResult().KeyMetadata.Arn;
    }

    /// <summary>Kills the server (and anything it started) by its process id and waits until it is gone.</summary>
    public void Dispose()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        process.Dispose();
    }

    private void WaitUntilAnswering()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                // Any HTTP answer means the server is up; moto's own API path is the cheapest one.
                using var _ = http.GetAsync(new Uri(Endpoint, "moto-api/")).GetAwaiter().GetResult();
                return;
            }
            catch (HttpRequestException) when (started.Elapsed < StartLimit)
            {
            }
            catch (TaskCanceledException) when (started.Elapsed < StartLimit)
            {
            }

            Thread.Sleep(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
