using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>AddSecretsRecipient</c>, <c>RemoveSecretsRecipient</c> and
/// <c>ListSecretsRecipients</c>: who (which age public keys) can open the environment's store.
/// </summary>
public sealed class SecretsRecipientTask : SecretsOperationTask
{
    /// <summary><c>Add</c>, <c>Remove</c> or <c>List</c>.</summary>
    [Microsoft.Build.Framework.Required]
    public string Operation { get; set; } = string.Empty;

    /// <summary>The age public key, <c>age1…</c> (<c>$(SecretsRecipient)</c>); not used by List.</summary>
    public string? Recipient { get; set; }

    /// <summary>Who holds the recipient's identity (<c>$(SecretsRecipientComment)</c>), kept as its comment.</summary>
    public string? Comment { get; set; }

    /// <summary>Remove only: drop keys not available here while rotating the data key (<c>$(SecretsDropUnavailableKeys)</c>).</summary>
    public bool DropUnavailableKeys { get; set; }

    /// <inheritdoc />
    protected override string TargetName => Operation switch
    {
        "Add" => "AddSecretsRecipient",
        "Remove" => "RemoveSecretsRecipient",
        _ => "ListSecretsRecipients",
    };

    /// <inheritdoc />
    protected override string OperationDescription => Operation + " recipient";

    /// <inheritdoc />
    protected override bool ValidateProperties()
    {
        if (Operation is not ("Add" or "Remove" or "List"))
        {
            LogInvalidProperty($"The recipient operation '{Operation}' is not Add, Remove or List.", "Use the AddSecretsRecipient, RemoveSecretsRecipient or ListSecretsRecipients target.");
            return false;
        }

        if (Operation != "List" && string.IsNullOrWhiteSpace(Recipient))
        {
            LogMissingProperty("SecretsRecipient", $"Pass the age public key, e.g. dotnet msbuild -t:{TargetName} -p:SecretsRecipient=age1... (age-keygen -y prints it).");
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    protected override ImmutableArray<SecretsDiagnostic> Run(CancellationToken cancellationToken)
    {
        var options = WithCommon(new RecipientOptions
        {
            Recipient = string.IsNullOrWhiteSpace(Recipient) ? null : Recipient.Trim(),
            Name = string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim(),
            DropUnavailableKeys = DropUnavailableKeys,
        });
        var manager = new SecretsManager();
        var result = Operation switch
        {
            "Add" => manager.AddRecipient(options, cancellationToken),
            "Remove" => manager.RemoveRecipient(options, cancellationToken),
            _ => manager.ListRecipients(options, cancellationToken),
        };

        if (Operation != "List" && result.Succeeded)
        {
            LogSummary(result.Changed
                ? $"'{EnvironmentName}': {Operation.ToLowerInvariant()} done; {result.RecipientsFilePath} updated, commit it with the store."
                : $"'{EnvironmentName}': nothing to change.");
        }

        LogSummary($"Who can open '{EnvironmentName}' ({result.StorePath}):");
        foreach (var recipient in result.Recipients)
        {
            LogSummary("  " + recipient);
        }

        foreach (var key in result.OtherKeys)
        {
            LogSummary("  " + key);
        }

        if (result.SecretsToRotate.Length > 0)
        {
            LogSummary($"  Rotate what the removed recipient could read: dotnet msbuild -t:RotateSecrets -p:SecretsRotate={string.Join("%3B", result.SecretsToRotate)}");
        }

        return result.Diagnostics;
    }
}
