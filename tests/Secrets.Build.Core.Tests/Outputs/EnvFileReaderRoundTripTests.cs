using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Tests.Outputs.Readers;

namespace Secrets.Build.Core.Tests.Outputs;

/// <summary>
/// The .env file must mean the same thing to every consumer: each test renders a file and reads
/// it back with a real reader (bash, node's dotenv, docker compose v2 and, for generated values, v1) and with <see cref="EnvFileParser"/>.
/// </summary>
public sealed class EnvFileReaderRoundTripTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [ToolFact(Tools.Bash)]
    public void Bash_reads_every_env_safe_character_unchanged() =>
        AssertReadsBack(EnvReaders.Bash, EnvTestValues.EveryEnvSafeCharacter());

    [ToolFact(Tools.Node)]
    public void Dotenv_reads_every_env_safe_character_unchanged() =>
        AssertReadsBack(EnvReaders.Dotenv, EnvTestValues.EveryEnvSafeCharacter());

    [ToolFact(Tools.Compose)]
    public void Compose_reads_every_env_safe_character_unchanged() =>
        AssertReadsBack(EnvReaders.Compose, EnvTestValues.EveryEnvSafeCharacter());

    // Compose v1 (Debian 12's docker-compose) reads every generated value the same, and every value
    // outside the safe set but those EnvTestValues.ComposeV1Differs names.
    [ToolFact(Tools.ComposeV1)]
    public void Compose_v1_reads_every_env_safe_character_unchanged() =>
        AssertReadsBack(EnvReaders.ComposeV1, EnvTestValues.EveryEnvSafeCharacter());

    [Fact]
    public void Parser_reads_every_env_safe_character_unchanged() =>
        AssertReadsBack(ReadWithParser, EnvTestValues.EveryEnvSafeCharacter());

    [ToolTheory(Tools.Bash)]
    [MemberData(nameof(EnvTestValues.Representable), MemberType = typeof(EnvTestValues))]
    public void Bash_reads_values_outside_the_safe_set_unchanged(string label, string value) =>
        AssertReadsBack(EnvReaders.Bash, Surround(value), label);

    [ToolTheory(Tools.Node)]
    [MemberData(nameof(EnvTestValues.Representable), MemberType = typeof(EnvTestValues))]
    public void Dotenv_reads_values_outside_the_safe_set_unchanged(string label, string value) =>
        AssertReadsBack(EnvReaders.Dotenv, Surround(value), label);

    [ToolTheory(Tools.Compose)]
    [MemberData(nameof(EnvTestValues.Representable), MemberType = typeof(EnvTestValues))]
    public void Compose_reads_values_outside_the_safe_set_unchanged(string label, string value) =>
        AssertReadsBack(EnvReaders.Compose, Surround(value), label);

    [ToolTheory(Tools.ComposeV1)]
    [MemberData(nameof(EnvTestValues.RepresentableForComposeV1), MemberType = typeof(EnvTestValues))]
    public void Compose_v1_reads_values_outside_the_safe_set_unchanged(string label, string value) =>
        AssertReadsBack(EnvReaders.ComposeV1, Surround(value), label);

    [Theory]
    [MemberData(nameof(EnvTestValues.Representable), MemberType = typeof(EnvTestValues))]
    public void Parser_reads_values_outside_the_safe_set_unchanged(string label, string value) =>
        AssertReadsBack(ReadWithParser, Surround(value), label);

    // Neighbours on both sides prove a quoted value neither swallows nor leaks into other lines.
    private static List<(string Name, string Value)> Surround(string value) =>
        [("BEFORE", "first"), ("HOSTILE", value), ("AFTER", "last")];

    private void AssertReadsBack(
        Func<string, IReadOnlyList<string>, IReadOnlyDictionary<string, string?>> reader,
        IReadOnlyList<(string Name, string Value)> values,
        string? label = null)
    {
        var file = Path.Combine(_temp.Path, ".env.development");
        File.WriteAllText(file, EnvFileRenderer.Render(values, "development"));

        var read = reader(file, values.Select(v => v.Name).ToList());

        foreach (var (name, value) in values)
        {
            Assert.True(read[name] == value, $"{name} ({label ?? "safe alphabet"}) was read back differently.");
        }
    }

    private static IReadOnlyDictionary<string, string?> ReadWithParser(string file, IReadOnlyList<string> names)
    {
        var result = EnvFileParser.Parse(File.ReadAllText(file), file);
        Assert.Empty(result.Diagnostics);
        var entries = result.Entries.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(names.Count, entries.Count);
        return names.ToDictionary(n => n, n => entries.TryGetValue(n, out var v) ? v : null);
    }
}
