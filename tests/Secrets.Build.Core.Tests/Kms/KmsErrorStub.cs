using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Secrets.Build.Core.Tests.Kms;

/// <summary>
/// A loopback HTTP endpoint that answers every request as AWS KMS answers with one error (HTTP 400
/// and the error's type, e.g. <c>ThrottlingException</c>) and counts the requests. moto cannot be
/// made to throttle, and it decrypts with a disabled key where AWS refuses, so this stand-in is how
/// those answers reach the real SDK and their SECB codes are tested.
/// </summary>
internal sealed class KmsErrorStub : IDisposable
{
    private readonly string errorType;
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private int requests;

    public KmsErrorStub(string errorType)
    {
        this.errorType = errorType;
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        serving = Task.Run(Serve);
    }

    public Uri Endpoint { get; }

    public int Requests => Volatile.Read(ref requests);

    public void Dispose()
    {
        listener.Close();
        try
        {
            serving.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref requests);
            var body = Encoding.UTF8.GetBytes($$"""{"__type":"{{errorType}}","message":"refused by the stand-in"}""");
            context.Response.StatusCode = 400;
            context.Response.ContentType = "application/x-amz-json-1.1";
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
