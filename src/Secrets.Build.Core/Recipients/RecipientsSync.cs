using System.Collections.Immutable;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// Compares who can open a store (its age wrappings) with who the committed recipients file says
/// can, and words every difference as a SECB272 warning at the file and line concerned. Listing
/// recipients and provisioning report the same differences through here.
/// </summary>
internal static class RecipientsSync
{
    /// <summary>Every recipient of the store or the file, named from the file, store order first.</summary>
    public static ImmutableArray<RecipientInfo> Combine(IReadOnlyList<AgeRecipient> inStore, ImmutableArray<RecipientEntry> listed) =>
        [.. inStore
            .Select(r => new RecipientInfo(r.Text, r.Fingerprint, listed.FirstOrDefault(e => e.Recipient.Equals(r))?.Name, InStore: true, InFile: listed.Any(e => e.Recipient.Equals(r))))
            .Concat(listed.Where(e => !inStore.Contains(e.Recipient)).Select(e => new RecipientInfo(e.Recipient.Text, e.Recipient.Fingerprint, e.Name, InStore: false, InFile: true)))];

    /// <summary>One warning per recipient that is in the store or the file but not both.</summary>
    public static IEnumerable<SecretsDiagnostic> Differences(ImmutableArray<RecipientInfo> infos, ImmutableArray<RecipientEntry> listed, string file, string storePath) =>
        infos.Where(i => !(i.InStore && i.InFile)).Select(info => SecretsDiagnostic.Warning(DiagnosticCodes.RecipientsOutOfSync,
            info.InStore
                ? $"{info.Recipient} (age {info.Fingerprint}) can open '{storePath}' but is not listed in '{file}'."
                : $"{info.Recipient} (age {info.Fingerprint}{(info.Name is null ? string.Empty : ", " + info.Name)}) is listed in '{file}' but cannot open '{storePath}'.",
            info.InStore
                ? $"If it should keep access, run -t:AddSecretsRecipient -p:SecretsRecipient={info.Recipient} to list it; otherwise run -t:RemoveSecretsRecipient -p:SecretsRecipient={info.Recipient}."
                : $"Someone who can open the store runs -t:AddSecretsRecipient -p:SecretsRecipient={info.Recipient} and commits, or remove the line if it was added by mistake.",
            info.InStore ? SourceLocation.ForFile(file) : Line(file, listed.First(e => e.Recipient.Text == info.Recipient).Line)));

    /// <summary>
    /// What a build reports about an opened store's recipients file: the differences, and an
    /// unreadable file as warnings too, since a build needs only the store to proceed.
    /// </summary>
    public static IEnumerable<SecretsDiagnostic> Check(SecretStore store)
    {
        var file = RecipientsFile.PathFor(store.Paths);
        // Most stores have neither a recipients file nor a recipient: nothing to compare, and
        // none of the comparison's code for the build to load.
        return !File.Exists(file) && !store.HasRecipients ? [] : Compare(store, file);
    }

    private static IEnumerable<SecretsDiagnostic> Compare(SecretStore store, string file)
    {
        ImmutableArray<RecipientEntry> listed;
        try
        {
            listed = RecipientsFile.Read(file);
        }
        catch (SecretsException invalid)
        {
            return invalid.Diagnostics.Select(d => d with { Severity = SecretsSeverity.Warning });
        }

        var inStore = store.Recipients;
        return listed.IsEmpty && inStore.Count == 0
            ? []
            : Differences(Combine(inStore, listed), listed, file, store.Paths.StorePath).ToList();
    }

    private static SourceLocation Line(string path, int line) => new(path, line, 1, line, 1, 0, 0);
}
