using System.Text.Json;
using Secrets.Build.Core.Audit;

namespace Secrets.Build.Core.Tests.Audit;

/// <summary>A trail line can hold names, versions and fingerprints, and nothing a value could hide in.</summary>
public sealed class AuditEventTests : IDisposable
{
    private static readonly string[] DocumentedFields =
        ["seq", "time", "event", "secret", "version", "recipient", "holder", "kmsKey", "actor", "tool", "trigger", "fingerprint", "code", "kid", "prev", "mac"];

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string TrailPath => _dir.Combine(".env.development.audit.jsonl");

    [Fact]
    public void The_event_type_has_no_member_that_could_carry_a_value()
    {
        var members = typeof(AuditEvent).GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public).Select(p => p.Name).Order().ToArray();

        Assert.Equal(["Actor", "Code", "Fingerprint", "Kind", "KmsKey", "Recipient", "RecipientName", "SecretName", "Time", "ToolVersion", "Trigger", "Version"], members);
    }

    [Fact]
    public void Every_line_of_every_kind_holds_only_documented_fields_and_no_value_like_text()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey(), new AuditTrailOptions { MaxFileBytes = 2048 });
        var kinds = Enum.GetValues<AuditEventKind>();
        trail.Append(kinds.Select((kind, i) => AuditTestKit.Event(i + 1, kind) with
        {
            Code = kind switch { AuditEventKind.Failure => "SECB240", AuditEventKind.RollbackAccepted => "SECB700", _ => null },
            Recipient = kind is AuditEventKind.RecipientAdded or AuditEventKind.RecipientRemoved ? "0123456789abcdef" : null,
            RecipientName = kind == AuditEventKind.RecipientAdded ? "CI build server" : null,
            KmsKey = kind is AuditEventKind.KmsKeyAdded or AuditEventKind.KmsKeyRemoved ? "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" : null,
        }));
        trail.Append(kinds.Select((kind, i) => AuditTestKit.Event(i + 100, kind)));

        var files = Directory.GetFiles(_dir.Path, "*.jsonl");
        var lines = files.SelectMany(AuditTestKit.ReadLines).ToList();

        Assert.Equal(2 * kinds.Length, lines.Count);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                Assert.Contains(property.Name, DocumentedFields);
            }
        }

        // Every event name the trail uses is one of the documented ones.
        var written = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "generated", "imported", "accessed", "exported", "rotated", "key-rotated", "report", "failure", "recipient-added", "recipient-removed", "rollback-accepted", "chain-key-changed", "kms-key-added", "kms-key-removed" }, written);
    }

    // Keyed by what is wrong: a theory's parameters are public, the event type is not.
    private static readonly Dictionary<string, Func<AuditEvent, AuditEvent>> Spoilers = new()
    {
        { "a value-like secret name", e => e with { SecretName = "hunter2 is the password" } },
        { "a lower-case secret name", e => e with { SecretName = "postgres_password" } },
        { "version zero", e => e with { Version = 0 } },
        { "a fingerprint with spaces", e => e with { Fingerprint = "correct horse battery staple" } },
        { "a fingerprint too long to be one", e => e with { Fingerprint = new string('a', 129) } },
        { "a fingerprint too short to be one", e => e with { Fingerprint = "abc" } },
        { "a free-text code", e => e with { Code = "the key was s3cr3t" } },
        { "a KMS key that is not a KMS key ARN", e => e with { KmsKey = "s3cr3t-value-pasted-here" } },
        { "a trigger with spaces", e => e with { Trigger = "Provision Secrets" } },
        { "an actor with a newline", e => e with { Actor = "alice@host\n{\"seq\":99}" } },
        { "an empty actor", e => e with { Actor = "" } },
        { "a tool version with a quote", e => e with { ToolVersion = "1.0\"" } },
        { "a recipient given as its age1 key instead of its fingerprint", e => e with { Recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p" } },
        { "an upper-case recipient fingerprint", e => e with { Recipient = "0123456789ABCDEF" } },
        { "a recipient name with a newline", e => e with { RecipientName = "Alice\n{\"seq\":99}" } },
        { "a recipient name too long to be one", e => e with { RecipientName = new string('a', 129) } },
        { "an undefined kind", e => e with { Kind = (AuditEventKind)42 } },
    };

    public static TheoryData<string> InvalidEvents => [.. Spoilers.Keys];

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public void An_event_outside_the_allowed_forms_is_refused_before_anything_is_written(string what)
    {
        var spoil = Spoilers[what];
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());
        trail.Append(AuditTestKit.Event(1));
        var before = File.ReadAllBytes(TrailPath);

        var ex = Assert.ThrowsAny<ArgumentException>(() => trail.Append([AuditTestKit.Event(2), spoil(AuditTestKit.Event(3))]));

        Assert.Equal(before, File.ReadAllBytes(TrailPath));
        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.DoesNotContain("s3cr3t", ex.Message);
        Assert.DoesNotContain("horse", ex.Message);
    }

    [Fact]
    public void A_windows_style_user_name_with_a_space_and_accents_is_a_valid_actor()
    {
        var trail = new AuditTrail(TrailPath, AuditTestKit.ChainKey());

        trail.Append(AuditTestKit.Event(1) with { Actor = "Jöran Smith@DESKTOP-01" });

        Assert.Equal("Jöran Smith@DESKTOP-01", AuditReader.Read(TrailPath).Single().Event.Actor);
        Assert.True(trail.Verify().IsValid);
    }

    [Fact]
    public void Now_fills_in_the_clock_the_current_user_and_the_tool_version()
    {
        var clock = new FixedClock(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));

        var e = AuditEvent.Now(AuditEventKind.Accessed, "ProvisionSecrets", clock);

        Assert.Equal(clock.GetUtcNow(), e.Time);
        Assert.Equal($"{Environment.UserName}@{Environment.MachineName}", e.Actor);
        Assert.Matches(@"^\d+\.\d+\.\d+", e.ToolVersion);
        Assert.DoesNotContain("+", e.ToolVersion);
    }

    [Fact]
    public void Kind_names_round_trip_and_unknown_names_are_rejected()
    {
        foreach (var kind in Enum.GetValues<AuditEventKind>())
        {
            Assert.True(AuditEventKindNames.TryParse(AuditEventKindNames.ToName(kind), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.False(AuditEventKindNames.TryParse("KeyRotated", out _));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
