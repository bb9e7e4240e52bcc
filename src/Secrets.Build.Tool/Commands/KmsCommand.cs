using System.CommandLine;
using Secrets.Build.Core;
using Secrets.Build.Core.Recipients;
using Secrets.Build.Tool.Cli;
using Spectre.Console;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>kms add|remove|list</c>: which key management service keys can open the environment's store.</summary>
internal static class KmsCommand
{
    private static readonly Argument<string> KeyArn = new("key-arn") { Description = "The KMS key's ARN, arn:aws:kms:<region>:<account>:key/<id> (the region is read from it)." };

    public static Command Create()
    {
        var add = new Command("add", "Lets an AWS KMS key open the store: the same data key, wrapped by KMS (commit the store). Credentials come from the AWS SDK's standard places.") { KeyArn };
        CommandRunner.SetBody(add, SchemaNeed.Required, (context, cancellationToken) =>
            Task.FromResult(Run(context, m => m.AddKmsKey(Options(context) with { KeyArn = context.Value(KeyArn) }, cancellationToken))));

        var remove = new Command("remove", "Takes a KMS key off and rotates the data key; lists the secrets its users could read, to rotate.") { KeyArn, RecipientsCommand.DropUnavailableKeys };
        CommandRunner.SetBody(remove, SchemaNeed.Required, (context, cancellationToken) =>
            Task.FromResult(Run(context, m => m.RemoveKmsKey(Options(context) with { KeyArn = context.Value(KeyArn), DropUnavailableKeys = context.Value(RecipientsCommand.DropUnavailableKeys) }, cancellationToken))));

        var list = new Command("list", "Lists the KMS keys and the other keys that open the store. Needs no key and calls no service.");
        CommandRunner.SetBody(list, SchemaNeed.Required, (context, cancellationToken) =>
            Task.FromResult(Run(context, m => m.ListKmsKeys(Options(context), cancellationToken))));

        return new Command("kms", "The key management service (AWS KMS) keys that can open the environment's store.") { add, remove, list };
    }

    private static KmsKeyOptions Options(CommandContext context) => context.Settings.Apply(new KmsKeyOptions(), "kms");

    private static int Run(CommandContext context, Func<SecretsManager, KmsKeyResult> operation)
    {
        var result = operation(new SecretsManager());
        context.Report(result.Diagnostics);
        if (!result.Succeeded)
        {
            return ExitCodes.Error;
        }

        var o = context.Output;
        var table = o.NewTable("KIND", "ID");
        foreach (var key in result.KmsKeys)
        {
            table.AddRow(o.Cell("aws-kms"), o.Cell(key));
        }

        foreach (var (kind, id) in result.OtherKeys.Select(RecipientsCommand.SplitKeyId))
        {
            table.AddRow(o.Cell(kind), o.Cell(id));
        }

        context.Output.Console.Write(table);
        if (result.SecretsToRotate.Length > 0)
        {
            context.Output.Line($"Rotate what the removed key's users could read: secrets-build rotate {string.Join(' ', result.SecretsToRotate)}");
        }

        return ExitCodes.Success;
    }
}
