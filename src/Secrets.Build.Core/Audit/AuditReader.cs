using System.Globalization;
using System.Text.Json;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Audit;

/// <summary>
/// Reads a trail's events, oldest first, across its rolled-over files. Reading needs no key and
/// checks no MAC: call <see cref="AuditTrail.Verify(AuditHead?)"/> first when the content must be
/// trusted. (Each line is also plain JSON, so <c>jq</c> reads the files directly.)
/// </summary>
internal static class AuditReader
{
    /// <summary>Every event in the trail whose active file is <paramref name="trailPath"/>.</summary>
    /// <exception cref="SecretsException">A line is cut off, too long or not a trail line (SECB523-SECB525), or a file cannot be read (SECB528).</exception>
    public static IEnumerable<AuditRecord> Read(string trailPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(trailPath);
        var files = new AuditFiles(trailPath);
        var paths = files.FindRolled().Select(r => r.Path).ToList();
        if (File.Exists(files.ActivePath))
        {
            paths.Add(files.ActivePath);
        }

        return paths.SelectMany(ReadFile);
    }

    private static IEnumerable<AuditRecord> ReadFile(string path)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretsException(AuditProblems.IoFailed(path, ex.Message));
        }

        using (stream)
        {
            var reader = new AuditLineReader(stream);
            for (var lineNumber = 1; ; lineNumber++)
            {
                switch (reader.ReadLine(out var bytes, out var terminated))
                {
                    case LineStatus.EndOfFile:
                        yield break;
                    case LineStatus.TooLong:
                        throw new SecretsException(AuditProblems.TooLong(path, lineNumber));
                    case LineStatus.Line when !terminated:
                        throw new SecretsException(AuditProblems.Truncated(path, lineNumber));
                }

                if (!AuditLineFormat.TryParse(bytes, out var line, out var problem)
                    || !TryReadEvent(bytes, out var auditEvent, out problem))
                {
                    throw new SecretsException(AuditProblems.Malformed(path, lineNumber, problem));
                }

                yield return new AuditRecord(line!.Sequence, auditEvent!, path, lineNumber);
            }
        }
    }

    private static bool TryReadEvent(ReadOnlySpan<byte> bytes, out AuditEvent? auditEvent, out string problem)
    {
        auditEvent = null;
        using var document = JsonDocument.Parse(bytes.ToArray());
        var root = document.RootElement;
        if (!TryString(root, "time", out var timeText)
            || !DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            problem = "its \"time\" is not an ISO 8601 time";
            return false;
        }

        if (!TryString(root, "event", out var kindName) || !AuditEventKindNames.TryParse(kindName!, out var kind))
        {
            problem = "its \"event\" is not an event this version knows";
            return false;
        }

        if (!TryString(root, "actor", out var actor) || !TryString(root, "tool", out var tool) || !TryString(root, "trigger", out var trigger))
        {
            problem = "it lacks \"actor\", \"tool\" or \"trigger\"";
            return false;
        }

        int? version = null;
        if (root.TryGetProperty("version", out var versionElement))
        {
            if (versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt32(out var number))
            {
                problem = "its \"version\" is not a whole number";
                return false;
            }

            version = number;
        }

        auditEvent = new AuditEvent(time, kind, actor!, tool!, trigger!)
        {
            SecretName = OptionalString(root, "secret"),
            Version = version,
            Recipient = OptionalString(root, "recipient"),
            RecipientName = OptionalString(root, "holder"),
            KmsKey = OptionalString(root, "kmsKey"),
            Fingerprint = OptionalString(root, "fingerprint"),
            Code = OptionalString(root, "code"),
        };
        problem = string.Empty;
        return true;
    }

    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    private static string? OptionalString(JsonElement root, string name) => TryString(root, name, out var value) ? value : null;
}
