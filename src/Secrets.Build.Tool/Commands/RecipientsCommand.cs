using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Tool.Cli;
using Spectre.Console;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>recipients add|remove|list</c>: who (which age identities) can open the environment's store.</summary>
internal static class RecipientsCommand
{
    private static readonly Argument<string> Recipient = new("recipient") { Description = "The age public key, age1…" };

    private static readonly Option<string?> Name = new("--name") { Description = "Who holds the identity, e.g. \"Alice Martin, laptop\" (written as its comment)." };

    /// <summary>Shared with <c>kms remove</c>, which rotates the data key the same way.</summary>
    internal static readonly Option<bool> DropUnavailableKeys = new("--drop-unavailable-keys")
    {
        Description = "When rotating the data key, drop keys and passphrases not available here instead of failing.",
    };

    public static Command Create()
    {
        var add = new Command("add", "Lets an age recipient open the store; updates the store and secrets/recipients.<env>.txt (commit both).") { Recipient, Name };
        CommandRunner.SetBody(add, SchemaNeed.Required, (context, cancellationToken) =>
            Task.FromResult(Run(context, m => m.AddRecipient(Options(context) with { Recipient = context.Value(Recipient), Name = context.Value(Name) }, cancellationToken))));

        var remove = new Command("remove", "Takes an age recipient off and rotates the data key; lists the secrets they could read, to rotate.") { Recipient, DropUnavailableKeys };
        CommandRunner.SetBody(remove, SchemaNeed.Required, (context, cancellationToken) =>
            Task.FromResult(Run(context, m => m.RemoveRecipient(Options(context) with { Recipient = context.Value(Recipient), DropUnavailableKeys = context.Value(DropUnavailableKeys) }, cancellationToken))));

        var list = new Command("list", "Lists who can open the store: age recipients and the other keys. Needs no key.");
        CommandRunner.SetBody(list, SchemaNeed.Required, (context, cancellationToken) =>
            Task.FromResult(Run(context, m => m.ListRecipients(Options(context), cancellationToken))));

        return new Command("recipients", "The age recipients that can open the environment's store.") { add, remove, list };
    }

    private static RecipientOptions Options(CommandContext context) => context.Settings.Apply(new RecipientOptions(), "recipients");

    private static int Run(CommandContext context, Func<SecretsManager, RecipientResult> operation)
    {
        var result = operation(new SecretsManager());
        context.Report(result.Diagnostics);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }

        var o = context.Output;
        var table = o.NewTable("KIND", "ID", "KEY", "NAME", "STATE");
        foreach (var recipient in result.Recipients)
        {
            var state = (recipient.InStore, recipient.InFile) switch
            {
                (true, true) => "ok",
                (true, false) => "missing from the recipients file",
                _ => "cannot open the store yet",
            };
            table.AddRow(o.Cell("age"), o.Cell(recipient.Fingerprint), o.Cell(recipient.Recipient), o.Cell(recipient.Name ?? "-"), o.Cell(state));
        }

        foreach (var (kind, id) in result.OtherKeys.Select(SplitKeyId))
        {
            table.AddRow(o.Cell(kind), o.Cell(id), o.Cell("-"), o.Cell("-"), o.Cell("ok"));
        }

        context.Output.Console.Write(table);
        if (result.SecretsToRotate.Length > 0)
        {
            context.Output.Line($"Rotate what they could read: secrets-build rotate {string.Join(' ', result.SecretsToRotate)}");
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// A store key id as Core lists it, "&lt;kind&gt; &lt;id&gt;", as the KIND and ID cells; "-" when
    /// there is no id. Shared with <c>kms list</c>, which lists the same other keys.
    /// </summary>
    internal static (string Kind, string Id) SplitKeyId(string key)
    {
        var parts = key.Split(' ', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : "-");
    }
}
