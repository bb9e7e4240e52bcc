using System.Collections.Immutable;
using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.IO;
using Secrets.Build.Core.Store;

namespace Secrets.Build.Core.Recipients;

/// <summary>
/// <c>secrets/recipients.&lt;env&gt;.txt</c>, committed: who can open an environment's store. One
/// <c>age1…</c> per line; the comment line directly above a recipient names its holder; blank lines
/// and other comments are free. That is also age's own recipients-file format, so
/// <c>age -R secrets/recipients.&lt;env&gt;.txt</c> encrypts to the same team.
/// </summary>
internal static class RecipientsFile
{
    public static string PathFor(StorePaths paths) => Path.Combine(paths.SecretsDirectory, $"recipients.{paths.Environment}.txt");

    /// <summary>The recipients listed; an empty list when the file does not exist.</summary>
    /// <exception cref="SecretsException">SECB264 naming every line that is not a recipient, comment or blank.</exception>
    public static ImmutableArray<RecipientEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var entries = ImmutableArray.CreateBuilder<RecipientEntry>();
        var problems = ImmutableArray.CreateBuilder<SecretsDiagnostic>();
        string? comment = null;
        var lines = File.ReadAllText(path).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var text = line.Trim();
            if (text.Length == 0)
            {
                comment = null;
            }
            else if (text.StartsWith('#'))
            {
                comment = text.TrimStart('#').Trim();
            }
            else if (AgeRecipient.TryParse(text, out var recipient))
            {
                entries.Add(new RecipientEntry(recipient, string.IsNullOrEmpty(comment) ? null : comment, i + 1));
                comment = null;
            }
            else
            {
                var column = line.Length - line.TrimStart().Length + 1;
                problems.Add(SecretsDiagnostic.Error(
                    DiagnosticCodes.RecipientsFileInvalid,
                    $"Line {i + 1} of '{path}' is not an age recipient (age1…), a '#' comment or blank.",
                    "Put each recipient alone on its line, exactly as 'age-keygen' prints it after 'Public key:', with the holder's name in a '# ' comment line above it.",
                    new SourceLocation(path, i + 1, column, i + 1, line.Length + 1, 0, 0)));
            }
        }

        if (problems.Count > 0)
        {
            throw new SecretsException(problems.ToImmutable());
        }

        return entries.ToImmutable();
    }

    /// <summary>Appends <paramref name="recipient"/> with its holder's <paramref name="name"/>, creating the file with an explaining header.</summary>
    public static void Add(string path, string environment, AgeRecipient recipient, string? name)
    {
        var text = File.Exists(path)
            ? File.ReadAllText(path)
            : $"# Who can open the '{environment}' secrets: one age public key per line, its holder named in the comment above it.\n" +
              "# Change it with: dotnet msbuild -t:AddSecretsRecipient (or -t:RemoveSecretsRecipient) -p:SecretsRecipient=age1…\n" +
              $"# It is an age recipients file too: age -R secrets/recipients.{environment}.txt\n";
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            text += "\n";
        }

        var label = OneLine(name);
        text += "\n" + (label is null ? string.Empty : $"# {label}\n") + recipient.Text + "\n";
        AtomicFile.WriteText(path, text);
    }

    /// <summary>Removes every line of <paramref name="recipient"/> and the comment lines directly above it. Returns false when it was not listed.</summary>
    public static bool Remove(string path, AgeRecipient recipient)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var lines = File.ReadAllText(path).Split('\n').ToList();
        var removed = false;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (!AgeRecipient.TryParse(lines[i], out var listed) || !listed.Equals(recipient))
            {
                continue;
            }

            var first = i;
            while (first > 0 && IsComment(lines[first - 1]))
            {
                first--;
            }

            // A comment block that starts the file is the file's header: keep it, except the name line right above.
            if (first == 0)
            {
                first = i > 0 && IsComment(lines[i - 1]) ? i - 1 : i;
            }

            var count = i - first + 1;
            // Also drop the blank line that separated this entry from the one before.
            if (first > 0 && lines[first - 1].Trim().Length == 0)
            {
                first--;
                count++;
            }

            lines.RemoveRange(first, count);
            removed = true;
            i = first;
        }

        if (removed)
        {
            AtomicFile.WriteText(path, string.Join('\n', lines));
        }

        return removed;
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith('#');

    private static string? OneLine(string? name)
    {
        var flat = name?.ReplaceLineEndings(" ").Trim();
        return string.IsNullOrEmpty(flat) ? null : flat;
    }
}

/// <summary>One recipient line of the recipients file.</summary>
internal sealed record RecipientEntry(AgeRecipient Recipient, string? Name, int Line);
