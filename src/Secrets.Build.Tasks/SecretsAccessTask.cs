using System.Collections.Immutable;

namespace Secrets.Build.Tasks;

/// <summary>
/// The shape of the tasks that change who can open a store (age recipients, KMS keys): an
/// <c>Add</c>, <c>Remove</c> or <c>List</c> operation, one property naming the party for the first
/// two, and the keys to drop when a removal rotates the data key.
/// </summary>
public abstract class SecretsAccessTask : SecretsOperationTask
{
    /// <summary><c>Add</c>, <c>Remove</c> or <c>List</c>.</summary>
    [Microsoft.Build.Framework.Required]
    public string Operation { get; set; } = string.Empty;

    /// <summary>Remove only: drop keys not available here while rotating the data key (<c>$(SecretsDropUnavailableKeys)</c>).</summary>
    public bool DropUnavailableKeys { get; set; }

    /// <summary>What is added or removed, as its targets name it: <c>Recipient</c> or <c>KmsKey</c>.</summary>
    private protected abstract string Party { get; }

    /// <summary>The list target, e.g. <c>ListSecretsRecipients</c>.</summary>
    private protected abstract string ListTarget { get; }

    /// <summary>The property that names the party (<c>SecretsRecipient</c>), and the fix when it is empty.</summary>
    private protected abstract (string Property, string? Value, string Fix) PartyProperty { get; }

    /// <inheritdoc />
    protected override string TargetName => Operation switch
    {
        "Add" or "Remove" => Operation + "Secrets" + Party,
        _ => ListTarget,
    };

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (Operation is not ("Add" or "Remove" or "List"))
        {
            LogInvalidProperty($"The operation '{Operation}' is not Add, Remove or List.",
                $"Use the AddSecrets{Party}, RemoveSecrets{Party} or {ListTarget} target.");
            return false;
        }

        var (property, value, fix) = PartyProperty;
        if (Operation != "List" && string.IsNullOrWhiteSpace(value))
        {
            LogMissingProperty(property, fix);
            return false;
        }

        return true;
    }

    /// <summary>The summary line of a successful add or remove.</summary>
    private protected void LogChange(bool changed, string whatToCommit)
    {
        if (Operation != "List")
        {
            LogSummary(changed
                ? $"'{EnvironmentName}': {Operation.ToLowerInvariant()} done; {whatToCommit}."
                : $"'{EnvironmentName}': nothing to change.");
        }
    }

    /// <summary>
    /// The summary of who can open the store after the operation: <paramref name="heading"/>, one
    /// line per party of this kind, one per other key, then the secrets a removal asks to rotate.
    /// </summary>
    private protected void LogKeys(string heading, IEnumerable<string> parties, ImmutableArray<string> otherKeys, ImmutableArray<string> secretsToRotate, string whoCouldRead)
    {
        LogSummary(heading);
        foreach (var party in parties)
        {
            LogSummary("  " + party);
        }

        foreach (var key in otherKeys)
        {
            LogSummary("  " + key);
        }

        if (secretsToRotate.Length > 0)
        {
            LogSummary($"  Rotate what {whoCouldRead} could read: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={string.Join("%3B", secretsToRotate)}");
        }
    }
}
