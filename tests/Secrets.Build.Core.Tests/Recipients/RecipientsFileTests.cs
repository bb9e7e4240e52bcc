using Secrets.Build.Core.Crypto.Age;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Recipients;

namespace Secrets.Build.Core.Tests.Recipients;

public sealed class RecipientsFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly AgeRecipient _alice = RecipientOf();
    private readonly AgeRecipient _bob = RecipientOf();

    private string FilePath => Path.Combine(_temp.Path, "recipients.production.txt");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Adding_creates_a_header_and_names_each_recipient_in_the_comment_above_it()
    {
        RecipientsFile.Add(FilePath, "production", _alice, "Alice\nMartin");
        RecipientsFile.Add(FilePath, "production", _bob, null);

        var entries = RecipientsFile.Read(FilePath);

        Assert.Equal([(_alice, "Alice Martin"), (_bob, (string?)null)], entries.Select(e => (e.Recipient, e.Name)));
        Assert.StartsWith("# Who can open the 'production' secrets", File.ReadAllText(FilePath), StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_takes_the_line_and_its_name_and_keeps_the_header_and_the_others()
    {
        RecipientsFile.Add(FilePath, "production", _alice, "Alice");
        RecipientsFile.Add(FilePath, "production", _bob, "Bob");
        var header = File.ReadAllLines(FilePath).TakeWhile(l => l.StartsWith('#')).ToList();

        Assert.True(RecipientsFile.Remove(FilePath, _alice));
        Assert.False(RecipientsFile.Remove(FilePath, _alice));

        var text = File.ReadAllText(FilePath);
        Assert.DoesNotContain("Alice", text, StringComparison.Ordinal);
        Assert.Equal(header, File.ReadAllLines(FilePath).Take(header.Count));
        Assert.Equal((_bob, "Bob"), RecipientsFile.Read(FilePath).Select(e => (e.Recipient, e.Name)).Single());
    }

    [Fact]
    public void A_name_directly_under_a_hand_written_header_is_removed_with_its_recipient_and_the_header_stays()
    {
        File.WriteAllText(FilePath, $"# our team\n# Alice\n{_alice}\n# Bob\n{_bob}\n");

        RecipientsFile.Remove(FilePath, _alice);

        Assert.Equal($"# our team\n# Bob\n{_bob}\n", File.ReadAllText(FilePath));
    }

    [Fact]
    public void Reports_every_bad_line_with_its_position()
    {
        File.WriteAllText(FilePath, $"# ok\n{_alice}\n  not-a-key\r\n{_bob} # trailing comments are not age syntax\n");

        var ex = Assert.Throws<SecretsException>(() => RecipientsFile.Read(FilePath));

        Assert.Equal([(3, 3), (4, 1)], ex.Diagnostics.Select(d => (d.Location!.Line, d.Location.Column)));
        Assert.All(ex.Diagnostics, d => Assert.Equal(DiagnosticCodes.RecipientsFileInvalid, d.Code));
    }

    private static AgeRecipient RecipientOf()
    {
        using var identity = AgeIdentity.Generate();
        return identity.Recipient;
    }
}
