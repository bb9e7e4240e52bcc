using Secrets.Build.Core.Crypto;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Schema;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// The tamper-evident audit trail of one environment, <c>secrets/.env.&lt;env&gt;.audit.jsonl</c>:
/// one JSON line per event, each chained to the one before by HMAC-SHA256 under a key derived
/// from the environment's key, so deleting, editing, inserting or reordering lines is detected
/// and reported with the file and line number. The line format is described in
/// <c>Audit/README.md</c>; lines never contain a secret value.
/// </summary>
/// <remarks>
/// Appends from several processes are serialized by a lock file next to the trail
/// (<c>…audit.jsonl.lock</c>). Each append reads only the last line (seeking from the end),
/// so its cost does not grow with the trail. When the trail would pass
/// <see cref="AuditTrailOptions.MaxFileBytes"/> it is renamed to <c>…audit.&lt;n&gt;.jsonl</c>
/// and the new file's first line carries the previous file's last MAC, so the chain runs
/// through every file and a deleted rolled-over file is detected.
/// </remarks>
internal sealed class AuditTrail : IDisposable
{
    /// <summary>The chain key length: 32 bytes, as HKDF-SHA256 derives it.</summary>
    public const int ChainKeySize = AuditChainKey.Size;

    private readonly AuditFiles _files;
    private readonly byte[] _chainKey;
    private readonly string _keyId;
    private readonly AuditTrailOptions _options;

    /// <param name="path">The active trail file, e.g. <c>secrets/.env.development.audit.jsonl</c>.</param>
    /// <param name="chainKey">
    /// 32 bytes the caller derives from the environment's key (HKDF, with an info string naming
    /// the audit chain and the environment); the trail keeps its own copy.
    /// </param>
    /// <param name="options">Size limit, lock timeout and retired keys; defaults when null.</param>
    public AuditTrail(string path, ReadOnlySpan<byte> chainKey, AuditTrailOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (chainKey.Length != ChainKeySize)
        {
            throw new ArgumentException($"The chain key must be {ChainKeySize} bytes.", nameof(chainKey));
        }

        _options = options ?? new AuditTrailOptions();
        if (_options.MaxFileBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxFileBytes must be positive.");
        }

        _files = new AuditFiles(path);
        _chainKey = SensitiveBuffers.Track(chainKey.ToArray());
        _keyId = AuditLineFormat.KeyId(_chainKey);
    }

    /// <summary>Where an environment's trail lives: <c>&lt;secretsDirectory&gt;/.env.&lt;environment&gt;.audit.jsonl</c>.</summary>
    public static string PathFor(string secretsDirectory, string environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretsDirectory);
        RequireEnvironmentName(environment);
        return System.IO.Path.Combine(secretsDirectory, $".env.{environment}.audit.jsonl");
    }

    /// <summary>
    /// The chain key for an environment: HKDF-SHA256 of the environment's key with an info string
    /// naming the audit chain and the environment, so it is independent of every other key derived
    /// from the same environment key, and differs between environments.
    /// </summary>
    public static byte[] DeriveChainKey(ReadOnlySpan<byte> environmentKey, string environment)
    {
        RequireEnvironmentName(environment);
        return AuditChainKey.Derive(environmentKey, environment);
    }

    /// <summary>
    /// Where the trail at <paramref name="path"/> ends now, read from its last line only (under the
    /// trail's lock, so an append in progress is never read half-written); <see cref="AuditHead.Empty"/>
    /// when there is no trail. No key is needed: the head is compared, not verified.
    /// </summary>
    /// <exception cref="SecretsException">SECB523-SECB525 when the last line is damaged; SECB249 for a lock held too long.</exception>
    internal static AuditHead ReadHead(string path)
    {
        var files = new AuditFiles(path);
        if (!File.Exists(files.ActivePath) && files.LastRolledPath() is null)
        {
            return AuditHead.Empty;
        }

        try
        {
            using var held = WorkspaceLock.Acquire(files.LockPath);
            var active = File.Exists(files.ActivePath) ? files.ActivePath : files.LastRolledPath()!;
            using var stream = new FileStream(active, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var last = AuditTail.ReadLast(stream, active);
            if (last is null && active == files.ActivePath && files.LastRolledPath() is { } rolled)
            {
                using var older = new FileStream(rolled, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                last = AuditTail.ReadLast(older, rolled);
            }

            return last is null ? AuditHead.Empty : new AuditHead(last.Sequence, Convert.ToBase64String(last.Mac));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretsException(AuditProblems.IoFailed(files.ActivePath, ex.Message));
        }
    }

    /// <summary>True when a trail ending at <paramref name="actual"/> still holds <paramref name="recorded"/> as its last line or before it.</summary>
    internal static bool Reaches(AuditHead actual, AuditHead recorded) =>
        actual.Sequence > recorded.Sequence
        || (actual.Sequence == recorded.Sequence && string.Equals(actual.Mac, recorded.Mac, StringComparison.Ordinal));

    /// <summary>The active trail file (full path).</summary>
    public string Path => _files.ActivePath;

    /// <summary>The lock file appends take.</summary>
    public string LockPath => _files.LockPath;

    /// <summary>
    /// Appends one line per event, under the cross-process lock, and flushes them to disk.
    /// Returns the new head (last sequence number and MAC), which a caller may record elsewhere
    /// to detect later removal of the newest lines.
    /// </summary>
    /// <exception cref="ArgumentException">An event has a field outside its allowed form.</exception>
    /// <exception cref="SecretsException">
    /// SECB249 when another process holds the lock past the timeout; SECB523-SECB525 when the
    /// trail's last line is damaged (nothing is appended to a damaged trail); SECB528 on I/O failure.
    /// </exception>
    public AuditHead Append(IEnumerable<AuditEvent> events) => Append(events, recordedHead: null);

    /// <summary>
    /// Appends as <see cref="Append(IEnumerable{AuditEvent})"/>, after checking the trail against
    /// a head recorded outside it (this machine's trust record): a trail that is gone, ends before
    /// that head or has another line there is refused (SECB710-SECB712) and nothing is appended.
    /// A trail that grew beyond it is accepted; only a full verification can check those lines.
    /// </summary>
    internal AuditHead Append(IEnumerable<AuditEvent> events, AuditHead? recordedHead)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = events.ToList();
        foreach (var auditEvent in batch)
        {
            AuditEventRules.Validate(auditEvent);
        }

        try
        {
            using var held = WorkspaceLock.Acquire(_files.LockPath, _options.LockTimeout);
            return AppendLocked(batch, recordedHead);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretsException(AuditProblems.IoFailed(_files.ActivePath, ex.Message));
        }
    }

    /// <summary>Appends a single event; see <see cref="Append(IEnumerable{AuditEvent})"/>.</summary>
    public AuditHead Append(AuditEvent auditEvent) => Append(new[] { auditEvent });

    /// <summary>
    /// Verifies the whole chain, rolled-over files included, under the lock (so a concurrent
    /// append is never mistaken for a cut-off line). A trail that does not exist is valid with
    /// zero lines. Never throws for a damaged or unreadable trail: the result carries the first problem.
    /// </summary>
    /// <exception cref="SecretsException">SECB249 when another process holds the lock past the timeout.</exception>
    /// <param name="expectedHead">
    /// A head recorded earlier (from <see cref="Append(IEnumerable{AuditEvent})"/> or a previous
    /// verification); when given, a trail that ends before it or differs at it is an error (SECB529).
    /// </param>
    public AuditVerification Verify(AuditHead? expectedHead = null)
    {
        try
        {
            if (!File.Exists(_files.ActivePath) && _files.FindRolled().Count == 0)
            {
                return expectedHead is { Sequence: > 0 }
                    ? Failed(AuditProblems.HeadMismatch(_files.ActivePath, $"the trail does not exist but the recorded head is seq {expectedHead.Sequence}"))
                    : new AuditVerification(0, 0, AuditHead.Empty, null);
            }

            var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [_keyId] = _chainKey };
            foreach (var retired in _options.RetiredChainKeys)
            {
                keys.TryAdd(AuditLineFormat.KeyId(retired), retired);
            }

            using var held = WorkspaceLock.Acquire(_files.LockPath, _options.LockTimeout);
            return new AuditVerifier(_files, keys, _keyId).Verify(expectedHead);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(AuditProblems.IoFailed(_files.ActivePath, ex.Message));
        }

        static AuditVerification Failed(SecretsDiagnostic error) => new(0, 0, AuditHead.Empty, error);
    }

    private static void RequireEnvironmentName(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!NameConventions.IsValidEnvironmentName(environment))
        {
            throw new ArgumentException("An environment name is lower-case letters, digits and hyphens, starting with a letter.", nameof(environment));
        }
    }

    private AuditHead AppendLocked(List<AuditEvent> batch, AuditHead? recordedHead)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
        };
        if (FileModes.IsSupported)
        {
            options.UnixCreateMode = FileModes.PrivateFile;
        }

        var stream = NoLinkFile.Open(_files.ActivePath, options);
        try
        {
            var last = AuditTail.ReadLast(stream, _files.ActivePath) ?? LastLineOfNewestRolledFile();
            if (last is not null && last.KeyId != _keyId && _options.KeyChangeEvent is { } keyChange)
            {
                AuditEventRules.Validate(keyChange);
                batch.Insert(0, keyChange);
            }

            var actual = last is null ? AuditHead.Empty : new AuditHead(last.Sequence, Convert.ToBase64String(last.Mac));
            if (recordedHead is { Sequence: > 0 } && !Reaches(actual, recordedHead))
            {
                throw new SecretsException(AuditProblems.CutAgainstRecord(_files.ActivePath, recordedHead, actual));
            }

            var startsFile = stream.Length == 0;
            var lines = Serialize(batch, last, startsFile);
            if (!startsFile && stream.Length + lines.Bytes.Length > _options.MaxFileBytes)
            {
                stream.Dispose();
                RollOver();
                stream = NoLinkFile.Open(_files.ActivePath, options);
                lines = Serialize(batch, last, startsFile: true);
            }

            if (lines.Bytes.Length > 0)
            {
                stream.Seek(0, SeekOrigin.End);
                stream.Write(lines.Bytes);
                // To the device, not just the OS cache: an event the build reported must survive a crash.
                stream.Flush(flushToDisk: true);
            }

            // Through the open handle (fchmod), never the path: a chmod by path would follow a link.
            FileModes.EnsurePrivateFile(stream.SafeFileHandle);
            return lines.Head;
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>
    /// The lines for <paramref name="batch"/>, chained onto <paramref name="last"/>. The first
    /// line of a file that continues a chain carries <c>prev</c>, so the file verifies on its
    /// own and the link to the file before it can be checked.
    /// </summary>
    private (byte[] Bytes, AuditHead Head) Serialize(List<AuditEvent> batch, AuditLine? last, bool startsFile)
    {
        var previousMac = last?.Mac ?? new byte[AuditLineFormat.MacSize];
        var sequence = last?.Sequence ?? 0;
        if (sequence > long.MaxValue - batch.Count)
        {
            // Only a hand-made line gets here; a real trail never nears 2^63 events.
            throw new SecretsException(AuditProblems.Malformed(_files.ActivePath, 0, "its \"seq\" is too large to continue"));
        }

        using var buffer = new MemoryStream();
        using var chainKey = new HmacSha256Key(_chainKey);
        for (var i = 0; i < batch.Count; i++)
        {
            sequence++;
            var carriesPrevious = startsFile && i == 0 && last is not null;
            var signed = AuditLineFormat.SignedBytes(batch[i], sequence, _keyId, carriesPrevious ? previousMac : null);
            var mac = AuditLineFormat.ComputeMac(chainKey, previousMac, signed);
            buffer.Write(AuditLineFormat.Line(signed, mac));
            previousMac = mac;
        }

        var head = sequence == 0 ? AuditHead.Empty : new AuditHead(sequence, Convert.ToBase64String(previousMac));
        return (buffer.ToArray(), head);
    }

    /// <summary>
    /// Where the chain ends when the active file is missing or empty: a crash between a
    /// roll-over's rename and its first write, or a first append ever (null).
    /// </summary>
    private AuditLine? LastLineOfNewestRolledFile()
    {
        var rolled = _files.FindRolled();
        if (rolled.Count == 0)
        {
            return null;
        }

        var newest = rolled[^1].Path;
        using var stream = new FileStream(newest, FileMode.Open, FileAccess.Read, FileShare.Read);
        return AuditTail.ReadLast(stream, newest);
    }

    private void RollOver()
    {
        var rolled = _files.FindRolled();
        var next = rolled.Count == 0 ? 1 : rolled[^1].Number + 1;
        File.Move(_files.ActivePath, _files.RolledPath(next), overwrite: false);
    }

    /// <summary>Wipes the trail's copy of the chain key.</summary>
    public void Dispose() => System.Security.Cryptography.CryptographicOperations.ZeroMemory(_chainKey);
}
