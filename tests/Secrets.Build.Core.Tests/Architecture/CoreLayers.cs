namespace Secrets.Build.Core.Tests.Architecture;

/// <summary>
/// The layer of every top-level folder of Secrets.Build.Core. A folder may use its own layer and
/// the ones below; the operations (one layer) never use each other, so each can change alone.
/// </summary>
internal static class CoreLayers
{
    /// <summary>The layer of the operations: its folders may not reference one another.</summary>
    public const int Operations = 8;

    /// <summary>Files at the root of Core: <c>SecretsManager</c>, the entry point over every operation.</summary>
    public const string RootFolder = "";

    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["IO"] = 1, ["Crypto"] = 1, ["Diagnostics"] = 1,
        ["Schema"] = 2, ["Generation"] = 2,
        // A KMS is one more source of the data key, beside key files and age identities.
        ["Keys"] = 3, ["Kms"] = 3,
        ["Store"] = 4,
        ["Audit"] = 5, ["Outputs"] = 5,
        // The trust record binds store, key and audit head of this machine; opening a workspace checks it.
        ["Trust"] = 6,
        ["Workspace"] = 7,
        ["Provisioning"] = Operations, ["Rotation"] = Operations, ["KeyRotation"] = Operations,
        ["Import"] = Operations, ["Recipients"] = Operations, ["Compliance"] = Operations,
        ["Maintenance"] = Operations, ["Access"] = Operations, ["VerifyAudit"] = Operations,
        ["CheckTrust"] = Operations,
        [RootFolder] = 9,
    };

    /// <summary>The layer of <paramref name="folder"/>, or null when nobody placed it yet.</summary>
    public static int? Of(string folder) => Layers.TryGetValue(folder, out var layer) ? layer : null;

    /// <summary>Whether code in <paramref name="from"/> may use code in <paramref name="to"/>.</summary>
    public static bool MayUse(string from, string to)
    {
        if (from == to)
        {
            return true;
        }

        var (fromLayer, toLayer) = (Of(from), Of(to));
        if (fromLayer is null || toLayer is null || toLayer > fromLayer)
        {
            return false;
        }

        return !(fromLayer == Operations && toLayer == Operations);
    }
}
