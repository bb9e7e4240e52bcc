using System.CommandLine;
using System.Globalization;
using Secrets.Build.Core;
using Secrets.Build.Core.Audit;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Store;
using Secrets.Build.Core.VerifyAudit;
using Secrets.Build.Tool.Cli;
using Spectre.Console;

namespace Secrets.Build.Tool.Commands;

/// <summary><c>audit verify</c> and <c>audit log</c>: the environment's hash-chained trail.</summary>
internal static class AuditCommand
{
    private static readonly Option<string?> Since = new("--since") { Description = "Only events at or after this time: a date (2026-01-31), an ISO 8601 time, or an age such as 7d or 12h." };

    private static readonly Option<string?> Secret = new("--secret") { Description = "Only events about this secret." };

    private static readonly Option<string?> Event = new("--event") { Description = "Only events of this kind (generated, imported, accessed, exported, rotated, key-rotated, report, recipient-added, recipient-removed)." };

    public static Command Create()
    {
        var verify = new Command("verify", "Verifies the trail's hash chain (rolled-over files included) and names the first line that does not verify. Writes nothing.");
        CommandRunner.SetBody(verify, SchemaNeed.Required, async (context, cancellationToken) =>
        {
            var result = new SecretsManager().VerifyAudit(context.Settings.Apply(new VerifyAuditOptions(), "audit"), cancellationToken);
            context.Report(result.Diagnostics);
            if (result.Succeeded)
            {
                context.Output.Line($"'{context.Settings.EnvironmentLower}': {result.EntriesVerified} entries verified in {result.TrailPath}.");
            }

            return result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
        });

        var log = new Command("log", "Lists the trail's events as a table (they name secrets, versions and fingerprints, never values). Reading checks no MAC: run 'audit verify' to trust it.")
        {
            Since,
            Secret,
            Event,
        };
        CommandRunner.SetBody(log, SchemaNeed.Required, (context, _) => Task.FromResult(Log(context)));

        return new Command("audit", "The environment's tamper-evident audit trail.") { verify, log };
    }

    private static int Log(CommandContext context)
    {
        if (!TryParseFilters(context, out var since, out var kind))
        {
            return ExitCodes.Error;
        }

        var secret = context.Value(Secret);
        var trail = AuditTrail.PathFor(Path.Combine(context.Settings.Workspace, StorePaths.SecretsFolderName), context.Settings.EnvironmentLower);
        var table = context.Output.NewTable("TIME", "EVENT", "SECRET", "VERSION", "ACTOR", "TRIGGER", "CODE");
        var count = 0;
        foreach (var record in AuditReader.Read(trail))
        {
            var e = record.Event;
            if ((since is { } s && e.Time < s) || (kind is { } k && e.Kind != k)
                || (secret is not null && !string.Equals(e.SecretName, secret, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            count++;
            table.AddRow(
                context.Output.Cell(e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                context.Output.Cell(AuditEventKindNames.ToName(e.Kind)),
                context.Output.Cell(e.SecretName ?? "-"),
                context.Output.Cell(e.Version?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                context.Output.Cell(e.Actor),
                context.Output.Cell(e.Trigger),
                context.Output.Cell(e.Code ?? "-"));
        }

        context.Output.Console.Write(table);
        context.Output.Line($"{count} event(s) in {trail}.");
        return ExitCodes.Success;
    }

    private static bool TryParseFilters(CommandContext context, out DateTimeOffset? since, out AuditEventKind? kind)
    {
        since = null;
        kind = null;
        if (context.Value(Since) is { } text)
        {
            since = ParseSince(text.Trim(), DateTimeOffset.UtcNow);
            if (since is null)
            {
                context.Report([SecretsDiagnostic.Error(DiagnosticCodes.InvalidBuildProperty,
                    $"--since is '{text}', which is neither a date, an ISO 8601 time nor an age.",
                    "Give a date such as 2026-01-31, a time such as 2026-01-31T12:00:00Z, or an age such as 7d, 12h or 30m.")]);
                return false;
            }
        }

        if (context.Value(Event) is { } name)
        {
            if (!AuditEventKindNames.TryParse(name.Trim().ToLowerInvariant(), out var parsed))
            {
                context.Report([SecretsDiagnostic.Error(DiagnosticCodes.InvalidBuildProperty,
                    $"--event is '{name}', which is not an audit event kind.",
                    "Use one of: " + string.Join(", ", Enum.GetValues<AuditEventKind>().Select(AuditEventKindNames.ToName)) + ".")]);
                return false;
            }

            kind = parsed;
        }

        return true;
    }

    /// <summary>An age (7d, 12h, 30m) back from <paramref name="now"/>, or an absolute date or time (UTC unless it says otherwise).</summary>
    internal static DateTimeOffset? ParseSince(string text, DateTimeOffset now)
    {
        if (text.Length > 1 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? age = text[^1] switch
            {
                'd' => TimeSpan.FromDays(amount),
                'h' => TimeSpan.FromHours(amount),
                'm' => TimeSpan.FromMinutes(amount),
                _ => null,
            };
            if (age is { } span)
            {
                return now - span;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }
}
