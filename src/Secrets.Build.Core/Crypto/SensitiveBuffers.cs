namespace Secrets.Build.Core.Crypto;

/// <summary>
/// Reports each buffer that holds key or value bytes at the moment it is made, to whoever observes
/// the current call (<see cref="Observe"/>). The hardening tests keep those references and check
/// that every one is all zeros once the operation is over: the only way to show that a
/// <c>CryptographicOperations.ZeroMemory</c> was not forgotten on some path. Nothing observes in a build.
/// </summary>
internal static class SensitiveBuffers
{
    // AsyncLocal, so an observer sees only its own call (and the tasks it starts), never a
    // parallel test's buffers.
    private static readonly AsyncLocal<Action<byte[]>?> Observer = new();

    /// <summary>Hands <paramref name="buffer"/> to the observer, if any, and returns it.</summary>
    public static byte[] Track(byte[] buffer)
    {
        Observer.Value?.Invoke(buffer);
        return buffer;
    }

    /// <summary>Observes every tracked buffer made in this call context until the result is disposed.</summary>
    public static IDisposable Observe(Action<byte[]> onBuffer)
    {
        var previous = Observer.Value;
        Observer.Value = onBuffer;
        return new Restore(previous);
    }

    private sealed class Restore(Action<byte[]>? previous) : IDisposable
    {
        public void Dispose() => Observer.Value = previous;
    }
}
