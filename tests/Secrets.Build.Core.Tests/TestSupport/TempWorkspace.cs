namespace Secrets.Build.Core.Tests.TestSupport;

/// <summary>A throwaway workspace with the reference schema and its own key folder outside it.</summary>
internal sealed class TempWorkspace : IDisposable
{
    private readonly TempDirectory _root = new();

    public TempWorkspace()
    {
        Directory.CreateDirectory(Path.Combine(Root, "ws"));
        File.Copy(TestPaths.SampleSchema, SchemaPath);
    }

    public string Root => _root.Path;

    public string Workspace => Path.Combine(Root, "ws");

    public string KeyDirectory => Path.Combine(Root, "keys");

    public string SchemaPath => Path.Combine(Workspace, "secrets.schema.json");

    public string Path_(string relative) => Path.Combine(Workspace, relative);

    /// <summary>Every file under the workspace and key folder with its bytes, to prove nothing changed.</summary>
    public Dictionary<string, byte[]> Snapshot(bool includeAuditTrail = true) =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            // The trust records beside the keys note every run (last seen, audit head) by design.
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "trust")
            .Where(f => includeAuditTrail || !f.Contains(".audit.", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllBytes);

    public void Dispose() => _root.Dispose();
}
