using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// Walks the whole chain, rolled-over files first, and stops at the first line that does not
/// verify. Checks per line, in the order that gives the most useful message: readable line,
/// known key, the link between files, sequence number, MAC.
/// </summary>
internal sealed class AuditVerifier
{
    private readonly AuditFiles _files;
    private readonly IReadOnlyDictionary<string, byte[]> _keysById;
    private readonly string _currentKeyId;

    private byte[] _previousMac = new byte[AuditLineFormat.MacSize];
    private long _expectedSequence = 1;
    private long _linesChecked;
    private readonly List<string> _filesRead = [];
    private string? _anchorMacSeen;

    public AuditVerifier(AuditFiles files, IReadOnlyDictionary<string, byte[]> keysById, string currentKeyId)
    {
        _files = files;
        _keysById = keysById;
        _currentKeyId = currentKeyId;
    }

    public AuditVerification Verify(AuditHead? anchor)
    {
        var rolled = _files.FindRolled();
        for (var i = 0; i < rolled.Count; i++)
        {
            if (rolled[i].Number != i + 1)
            {
                var missing = _files.RolledPath(i + 1);
                return Result(AuditProblems.RolledFileMissing(missing, 0, $"'{Path.GetFileName(missing)}' does not exist, but later rolled files do"));
            }
        }

        var paths = rolled.Select(r => r.Path).ToList();
        if (File.Exists(_files.ActivePath))
        {
            paths.Add(_files.ActivePath);
        }

        foreach (var path in paths)
        {
            if (VerifyFile(path, isFirstFile: _filesRead.Count == 0, anchor) is { } error)
            {
                return Result(error);
            }
        }

        if (anchor is not null && CheckAnchor(anchor, paths.LastOrDefault() ?? _files.ActivePath) is { } anchorError)
        {
            return Result(anchorError);
        }

        return Result(null);
    }

    private SecretsDiagnostic? VerifyFile(string path, bool isFirstFile, AuditHead? anchor)
    {
        _filesRead.Add(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var reader = new AuditLineReader(stream);
            for (long lineNumber = 1; ; lineNumber++)
            {
                var status = reader.ReadLine(out var bytes, out var terminated);
                if (status == LineStatus.EndOfFile)
                {
                    return null;
                }

                if (status == LineStatus.TooLong)
                {
                    return AuditProblems.TooLong(path, lineNumber);
                }

                if (!terminated)
                {
                    return AuditProblems.Truncated(path, lineNumber);
                }

                if (!AuditLineFormat.TryParse(bytes, out var line, out var problem))
                {
                    return AuditProblems.Malformed(path, lineNumber, problem);
                }

                if (VerifyLine(line!, path, lineNumber, isFirstLineOfFile: lineNumber == 1, isFirstFile) is { } error)
                {
                    return error;
                }

                if (anchor is not null && line!.Sequence == anchor.Sequence)
                {
                    _anchorMacSeen = Convert.ToBase64String(line.Mac);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return AuditProblems.IoFailed(path, ex.Message);
        }
    }

    private SecretsDiagnostic? VerifyLine(AuditLine line, string path, long lineNumber, bool isFirstLineOfFile, bool isFirstFile)
    {
        if (!_keysById.TryGetValue(line.KeyId, out var key))
        {
            return _linesChecked == 0
                ? AuditProblems.WrongKey(path, lineNumber, line.KeyId, _currentKeyId)
                : AuditProblems.UnknownKey(path, lineNumber, line.KeyId);
        }

        if (isFirstLineOfFile && CheckLinkBetweenFiles(line, path, isFirstFile) is { } linkError)
        {
            return linkError;
        }

        if (line.Sequence > _expectedSequence)
        {
            return AuditProblems.LinesMissing(path, lineNumber, _expectedSequence, line.Sequence);
        }

        if (line.Sequence < _expectedSequence)
        {
            return AuditProblems.OutOfOrder(path, lineNumber, _expectedSequence, line.Sequence);
        }

        var expectedMac = AuditLineFormat.ComputeMac(key, _previousMac, line.SignedBytes);
        if (!AuditLineFormat.MacEquals(expectedMac, line.Mac))
        {
            return AuditProblems.Tampered(path, lineNumber, "its content was edited, or it was forged or copied from elsewhere");
        }

        _previousMac = expectedMac;
        _expectedSequence++;
        _linesChecked++;
        return null;
    }

    /// <summary>
    /// A file that continues the chain names the previous file's last MAC in <c>prev</c>. The
    /// very first file must start the chain (no <c>prev</c>); every later one must continue
    /// exactly where the one before ended.
    /// </summary>
    private SecretsDiagnostic? CheckLinkBetweenFiles(AuditLine line, string path, bool isFirstFile)
    {
        if (isFirstFile)
        {
            return line.Previous is null
                ? null
                : AuditProblems.RolledFileMissing(path, 1,
                    $"'{Path.GetFileName(path)}' continues the chain at seq {line.Sequence}, but no rolled-over file holds seq 1 to {line.Sequence - 1}");
        }

        if (line.Previous is null)
        {
            return AuditProblems.Tampered(path, 1, "it starts a new chain although rolled-over files precede it");
        }

        if (!AuditLineFormat.MacEquals(line.Previous, _previousMac))
        {
            var gap = line.Sequence > _expectedSequence
                ? $" (seq {_expectedSequence} to {line.Sequence - 1} are missing)"
                : string.Empty;
            return AuditProblems.RolledFileMissing(path, 1,
                $"'{Path.GetFileName(path)}' does not continue the file before it{gap}; a rolled-over file was deleted or replaced");
        }

        return null;
    }

    private SecretsDiagnostic? CheckAnchor(AuditHead anchor, string path)
    {
        var lastSequence = _expectedSequence - 1;
        if (anchor.Sequence > lastSequence)
        {
            return AuditProblems.HeadMismatch(path,
                $"the trail ends at seq {lastSequence} but the recorded head is seq {anchor.Sequence}, so its newest lines were removed");
        }

        if (anchor.Sequence > 0 && !string.Equals(_anchorMacSeen, anchor.Mac, StringComparison.Ordinal))
        {
            return AuditProblems.HeadMismatch(path,
                $"the line with seq {anchor.Sequence} is not the one the recorded head names, so the trail was rewritten from there on");
        }

        return null;
    }

    private AuditVerification Result(SecretsDiagnostic? error) =>
        new(_linesChecked, _filesRead.Count,
            _linesChecked == 0 ? AuditHead.Empty : new AuditHead(_expectedSequence - 1, Convert.ToBase64String(_previousMac)),
            error)
        {
            Files = [.. _filesRead],
        };
}
