using System.Text.Json;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Trust;

/// <summary>
/// <c>trust.json</c> in the key folder: outside every workspace, so neither git nor a merge
/// nor <c>git clean</c> can change what this machine remembers. Mode 600, replaced atomically,
/// and read-modify-written under its own lock: environment locks are per workspace, and two
/// workspaces may update the one file at once.
/// </summary>
internal static class TrustFile
{
    public const string FileName = "trust.json";
    private const string Marker = "secrets-build-trust";
    private const int Version = 1;

    /// <summary>Far beyond <see cref="TrustRecord.MaxEntries"/> of each kind; a bigger file is not ours.</summary>
    private const long MaxBytes = 4L * 1024 * 1024;

    public static string PathIn(string keyDirectory) => Path.Combine(keyDirectory, FileName);

    /// <summary>The record, or <see cref="TrustRecord.Empty"/> when this machine has none yet.</summary>
    /// <exception cref="SecretsException">SECB707 when the file exists but cannot be read as a trust record.</exception>
    public static TrustRecord Read(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return TrustRecord.Empty;
            }

            if (info.Length > MaxBytes)
            {
                throw Damaged(path, $"it is {info.Length} bytes, more than any trust record");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Damaged(path, ex.Message);
        }

        try
        {
            return Parse(bytes);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw Damaged(path, "it is not a trust record this version can read");
        }
    }

    /// <summary>
    /// Reads, changes and writes the record under the file's lock. Only into an existing key folder:
    /// a machine that keeps no key or identity files (a build server with keys in variables) gets
    /// no folder made for it, and relies on <c>SecretsMinimumGeneration</c> instead.
    /// </summary>
    public static void Update(string path, Func<TrustRecord, TrustRecord> change)
    {
        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            return;
        }

        using var held = WorkspaceLock.Acquire(path + ".lock", WorkspaceLock.DefaultTimeout, ensureDirectory: false);
        AtomicFile.Write(path, Serialize(change(Read(path))));
    }

    private static SecretsException Damaged(string path, string detail) => new(SecretsDiagnostic.Error(
        DiagnosticCodes.TrustRecordDamaged,
        $"This machine's trust record '{path}' cannot be read: {detail}. It holds the store generations, store ids and audit heads this machine has seen.",
        $"Restore it from a backup, or delete it: the next build then trusts what it finds, as on a new machine, and the checks against older copies start again from there.",
        SourceLocation.ForFile(path)));

    private static TrustRecord Parse(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (root.GetProperty("format").GetString() != Marker || root.GetProperty("formatVersion").GetInt32() != Version)
        {
            throw new FormatException();
        }

        var stores = new List<StoreTrust>();
        foreach (var entry in root.GetProperty("stores").EnumerateArray())
        {
            var sequence = entry.GetProperty("auditSequence").GetInt64();
            stores.Add(new StoreTrust(
                Text(entry, "storeId"),
                Text(entry, "environment"),
                entry.GetProperty("generation").GetInt32(),
                Date(entry, "generationSeenAt"),
                [.. entry.GetProperty("keyIds").EnumerateArray().Select(k => k.GetString() ?? throw new FormatException())],
                sequence > 0 ? new AuditHead(sequence, Text(entry, "auditMac")) : null,
                Date(entry, "lastSeen")));
        }

        var workspaces = new List<WorkspaceTrust>();
        foreach (var entry in root.GetProperty("workspaces").EnumerateArray())
        {
            workspaces.Add(new WorkspaceTrust(
                Text(entry, "path"),
                Text(entry, "environment"),
                Text(entry, "storeId"),
                Date(entry, "lastSeen")));
        }

        return new TrustRecord(stores, workspaces);
    }

    private static DateTimeOffset Date(JsonElement entry, string name) =>
        StoreFormat.TryParseDate(Text(entry, name), out var date) ? date : throw new FormatException();

    // GetString returns null for a JSON null; a record with a null id would match nothing and say nothing.
    private static string Text(JsonElement entry, string name) =>
        entry.GetProperty(name).GetString() ?? throw new FormatException();

    private static byte[] Serialize(TrustRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Marker);
            writer.WriteNumber("formatVersion", Version);
            writer.WriteStartArray("stores");
            foreach (var store in record.Stores)
            {
                writer.WriteStartObject();
                writer.WriteString("storeId", store.StoreId);
                writer.WriteString("environment", store.Environment);
                writer.WriteNumber("generation", store.Generation);
                writer.WriteString("generationSeenAt", StoreFormat.FormatDate(store.GenerationSeenAt));
                writer.WriteStartArray("keyIds");
                foreach (var keyId in store.KeyIds)
                {
                    writer.WriteStringValue(keyId);
                }

                writer.WriteEndArray();
                writer.WriteNumber("auditSequence", store.AuditHead?.Sequence ?? 0);
                writer.WriteString("auditMac", store.AuditHead?.Mac ?? string.Empty);
                writer.WriteString("lastSeen", StoreFormat.FormatDate(store.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("workspaces");
            foreach (var workspace in record.Workspaces)
            {
                writer.WriteStartObject();
                writer.WriteString("path", workspace.Path);
                writer.WriteString("environment", workspace.Environment);
                writer.WriteString("storeId", workspace.StoreId);
                writer.WriteString("lastSeen", StoreFormat.FormatDate(workspace.LastSeen));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
