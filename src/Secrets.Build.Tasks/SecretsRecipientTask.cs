using System.Collections.Immutable;
using Secrets.Build.Core;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Tasks;

/// <summary>
/// The task behind <c>AddSecretsRecipient</c>, <c>RemoveSecretsRecipient</c> and
/// <c>ListSecretsRecipients</c>: who (which age public keys) can open the environment's store.
/// </summary>
public sealed class SecretsRecipientTask : SecretsAccessTask
{
    /// <summary>The age public key, <c>age1…</c> (<c>$(SecretsRecipient)</c>); not used by List.</summary>
    public string? Recipient { get; set; }

    /// <summary>Who holds the recipient's identity (<c>$(SecretsRecipientComment)</c>), kept as its comment.</summary>
    public string? Comment { get; set; }

    /// <inheritdoc />
    protected override string OperationDescription => Operation + " recipient";

    private protected override string Party => "Recipient";

    private protected override string ListTarget => "ListSecretsRecipients";

    private protected override (string Property, string? Value, string Fix) PartyProperty =>
        ("SecretsRecipient", Recipient, $"Pass the age public key, e.g. dotnet msbuild -t:{TargetName} -p:SecretsRecipient=age1... (age-keygen -y prints it).");

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

        if (result.Succeeded)
        {
            LogChange(result.Changed, $"{result.RecipientsFilePath} updated, commit it with the store");
        }

        LogKeys($"Who can open '{EnvironmentName}' ({result.StorePath}):",
            result.Recipients.Select(recipient => recipient.ToString()), result.OtherKeys, result.SecretsToRotate, "the removed recipient");

        return result.Diagnostics;
    }
}
