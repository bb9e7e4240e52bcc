namespace Secrets.Build.Core.Tests.Architecture;

/// <summary>
/// Core's folders are layered (see <see cref="CoreLayers"/>): lower never uses higher, and the
/// operations never use each other. A cycle between folders fails here, with every offending line.
/// </summary>
public sealed class LayeringTests
{
    [Fact]
    public void No_core_file_uses_a_higher_layer_or_another_operation()
    {
        var offending = CoreReference.All()
            .Where(r => !CoreLayers.MayUse(r.FromFolder, r.ToFolder))
            .Select(r => r.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0,
            $"{offending.Count} reference(s) break Core's layering; move the type down or invert the dependency:\n"
            + string.Join("\n", offending));
    }

    [Fact]
    public void No_two_core_folders_use_each_other()
    {
        // Folders of one layer may use each other one way (IO uses Diagnostics); both ways is a cycle.
        var references = CoreReference.All().Where(r => r.FromFolder != r.ToFolder).ToList();
        var pairs = references.Select(r => (r.FromFolder, r.ToFolder)).ToHashSet();
        var offending = references
            .Where(r => pairs.Contains((r.ToFolder, r.FromFolder)))
            .Select(r => r.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0,
            $"{offending.Count} reference(s) make two Core folders use each other; move the shared type to the lower one:\n"
            + string.Join("\n", offending));
    }

    [Fact]
    public void Every_core_folder_has_a_layer()
    {
        var unplaced = Directory.EnumerateDirectories(CoreReference.CoreDirectory)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj") && Directory.EnumerateFiles(Path.Combine(CoreReference.CoreDirectory, name!), "*.cs", SearchOption.AllDirectories).Any())
            .Where(name => CoreLayers.Of(name!) is null)
            .ToList();

        Assert.True(unplaced.Count == 0, "Place these folders in CoreLayers: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void The_scan_finds_references_between_folders()
    {
        // Guards the scan itself: Store uses Keys for the data key, so an empty scan is a broken one.
        Assert.Contains(CoreReference.All(), r => r.FromFolder == "Store" && r.ToFolder == "Keys");
    }
}
