using System.Diagnostics;
using Secrets.Build.Core.Diagnostics;

namespace Secrets.Build.Core.IO;

/// <summary>
/// An exclusive lock shared by every process on the machine: parallel builds (<c>-m</c>,
/// multi-targeting, several projects in one workspace) take it around each read-modify-write
/// of a store, so two of them never both generate a value.
/// </summary>
/// <remarks>
/// The lock is an open <see cref="FileStream"/> with <see cref="FileShare.None"/>. On Unix
/// .NET backs that with <c>flock(LOCK_EX)</c>, on Windows with a sharing mode; either way the
/// operating system releases it when the process dies, so a crashed build never leaves a
/// stale lock behind. The file itself stays (deleting a lock file races with a process that
/// is just opening it); it holds nothing and belongs in <c>.gitignore</c>. Setting
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> turns .NET's flock off and with it this lock.
/// </remarks>
internal sealed class WorkspaceLock : IDisposable
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(250);

    private readonly FileStream _stream;

    private WorkspaceLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>How long <see cref="Acquire(string, CancellationToken)"/> waits by default.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Waits up to <see cref="DefaultTimeout"/> for the lock.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Both overloads predate the tracked API; the timeout is never ambiguous.")]
    public static WorkspaceLock Acquire(string lockPath, CancellationToken cancellationToken = default) =>
        Acquire(lockPath, DefaultTimeout, cancellationToken);

    /// <summary>
    /// Takes the lock, retrying with growing pauses while another process holds it.
    /// </summary>
    /// <exception cref="SecretsException">SECB249 when the lock is still held after <paramref name="timeout"/>.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "Both overloads predate the tracked API; the timeout is never ambiguous.")]
    public static WorkspaceLock Acquire(string lockPath, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Acquire(lockPath, timeout, ensureDirectory: true, cancellationToken);

    /// <param name="lockPath">The lock file.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="ensureDirectory">
    /// Whether to create the folder and make it 700. False for a folder whose mode is the user's
    /// choice (the key folder, where the trust record's lock lives); it must exist.
    /// </param>
    /// <param name="cancellationToken">Stops the wait.</param>
    internal static WorkspaceLock Acquire(string lockPath, TimeSpan timeout, bool ensureDirectory, CancellationToken cancellationToken = default)
    {
        var fullPath = System.IO.Path.GetFullPath(lockPath);
        if (ensureDirectory)
        {
            FileModes.EnsurePrivateDirectory(System.IO.Path.GetDirectoryName(fullPath)!);
        }

        var waited = Stopwatch.StartNew();
        var delay = FirstDelay;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(fullPath) is { } stream)
            {
                return new WorkspaceLock(stream, fullPath);
            }

            var left = timeout - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new SecretsException(SecretsDiagnostic.Error(
                    DiagnosticCodes.LockTimeout,
                    $"Another process held the lock '{fullPath}' for longer than {timeout.TotalSeconds:0.#} s.",
                    "Wait for the other build to finish, or stop it; the lock is released when that process exits. Deleting the file does not help while a process still holds it.",
                    SourceLocation.ForFile(fullPath)));
            }

            // Jitter keeps several waiting builds from retrying in lock step.
            var pause = delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)delay.TotalMilliseconds + 1));
            Thread.Sleep(pause < left ? pause : left);
            delay = delay * 2 < LongestDelay ? delay * 2 : LongestDelay;
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();

    private static FileStream? TryOpen(string fullPath)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (FileModes.IsSupported)
        {
            options.UnixCreateMode = FileModes.PrivateFile;
        }

        try
        {
            return NoLinkFile.Open(fullPath, options);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            // Held by another process (a sharing violation; on Unix, flock said EWOULDBLOCK).
            return null;
        }
    }
}
