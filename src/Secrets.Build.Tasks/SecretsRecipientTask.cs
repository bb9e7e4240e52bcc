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
