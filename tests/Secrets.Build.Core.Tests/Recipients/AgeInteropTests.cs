using System.Security.Cryptography;
using System.Text;
using Secrets.Build.Core.Crypto.Age;

namespace Secrets.Build.Core.Tests.Recipients;

/// <summary>Secrets.Build and the reference age implementation read each other's keys and files.</summary>
public sealed class AgeInteropTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [AgeCliFact]
    public void An_age_keygen_identity_parses_and_has_the_recipient_age_keygen_prints()
    {
        var (identityPath, recipientText) = KeygenIdentity();
        Assert.True(AgeIdentityFile.TryParse(File.ReadAllText(identityPath), identityPath, out var identities, out _));
        using var identity = Assert.Single(identities);
        Assert.Equal(recipientText, identity.Recipient.Text);
    }

    [AgeCliFact]
    public void age_decrypts_what_Secrets_Build_encrypts_to_an_age_keygen_recipient()
    {
        var (identityPath, recipientText) = KeygenIdentity();
        using var other = AgeIdentity.Generate();
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var file = AgeFile.Encrypt(dataKey, [other.Recipient, AgeRecipient.Parse(recipientText)]);

        var decrypted = AgeCli.Run(AgeCli.AgePath!, file, "-d", "-i", identityPath);

        Assert.Equal(dataKey, decrypted);
    }

    [AgeCliFact]
    public void Secrets_Build_decrypts_what_age_encrypts_to_its_recipient()
    {
        using var identity = AgeIdentity.Generate();
        var plaintext = RandomNumberGenerator.GetBytes(100_000);

        var file = AgeCli.Run(AgeCli.AgePath!, plaintext, "-e", "-r", identity.Recipient.Text);

        var result = AgeFile.Decrypt(file, [identity]);
        Assert.Equal(AgeDecryptionStatus.Decrypted, result.Status);
        Assert.Equal(plaintext, result.Plaintext);
    }

    [AgeCliFact]
    public void age_accepts_an_identity_file_written_from_a_Secrets_Build_identity()
    {
        using var identity = AgeIdentity.Generate();
        var path = Path.Combine(_temp.Path, "mine.txt");
        File.WriteAllText(path, $"# public key: {identity.Recipient}\n{identity.ToSecretText()}\n");

        var printed = Encoding.ASCII.GetString(AgeCli.Run(AgeCli.KeygenPath!, [], "-y", path)).Trim();

        Assert.Equal(identity.Recipient.Text, printed);
    }

    public void Dispose() => _temp.Dispose();

    private (string IdentityPath, string Recipient) KeygenIdentity()
    {
        var path = Path.Combine(_temp.Path, $"identity-{Guid.NewGuid():N}.txt");
        AgeCli.Run(AgeCli.KeygenPath!, [], "-o", path);
        var recipient = Encoding.ASCII.GetString(AgeCli.Run(AgeCli.KeygenPath!, [], "-y", path)).Trim();
        return (path, recipient);
    }
}
