using System.Text.Json;
using Secrets.Build.Core.Outputs;
using Secrets.Build.Core.Provisioning;
using Secrets.Build.Core.Rotation;
using Secrets.Build.Core.Workspace;

namespace Secrets.Build.Core.Tests.TestSupport;

/// <summary>A clock tests move by hand, so due dates and grace periods are reached without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>A provisioned workspace plus the option records every lifecycle test needs.</summary>
internal sealed class LifecycleKit : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public TempWorkspace Workspace { get; } = new();

    public ManualClock Clock { get; } = new(Start);

    /// <summary>The time every run below is given: <see cref="Clock"/> unless a test puts in its own.</summary>
    public TimeProvider TimeSource { get; set; }

    public LifecycleKit() => TimeSource = Clock;

    public Dictionary<string, string> Variables { get; } = new();

    public string Environment { get; set; } = "development";

    public SecretsManager Manager { get; } = new();

    public string StorePath => Workspace.Path_($"secrets/.env.{Environment}.json");

    public string AuditPath => Workspace.Path_($"secrets/.env.{Environment}.audit.jsonl");

    /// <summary>What every run below shares: this kit's schema, environment, key folder, variables and clock.</summary>
    public T Options<T>(T options) where T : LifecycleOptions => options with
    {
        Environment = Environment,
        KeyDirectory = Workspace.KeyDirectory,
        EnvironmentVariables = Variables,
        Clock = TimeSource,
    };

    public ProvisionResult Provision(bool? enforce = null) =>
        Manager.Provision(Options(new ProvisionOptions { SchemaPath = Workspace.SchemaPath, EnforceRotation = enforce }));

    public RotateResult Rotate(params string[] selectors) =>
        Manager.RotateSecrets(Options(new RotateOptions { SchemaPath = Workspace.SchemaPath, Selectors = selectors }));

    // No key folder and no variables: the check must not need a key.
    public CheckRotationResult Check(bool? enforce = null) =>
        Manager.CheckRotation(Options(new CheckRotationOptions { SchemaPath = Workspace.SchemaPath, EnforceRotation = enforce }) with
        {
            KeyDirectory = Path.Combine(Workspace.Root, "no-keys-here"),
            EnvironmentVariables = new Dictionary<string, string>(),
        });

    public PreviousValuesResult Previous(params string[] names) =>
        Manager.GetPreviousValues(Options(new PreviousValuesOptions { SchemaPath = Workspace.SchemaPath, Names = names }));

    public Dictionary<string, string> EnvValues() =>
        EnvFileParser.Parse(File.ReadAllText(Workspace.Path_(".env." + Environment)), null).Entries.ToDictionary(e => e.Name, e => e.Value);

    /// <summary>Each secret's JSON in the store file exactly as written: nonce, ciphertext, retired versions.</summary>
    public Dictionary<string, string> StoredEntries()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(StorePath));
        return document.RootElement.GetProperty("secrets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }

    /// <summary>Every metadata entry exactly as written.</summary>
    public Dictionary<string, string> MetadataEntries()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Workspace.Path_($"secrets/.env.{Environment}.metadata")));
        return document.RootElement.GetProperty("secrets").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
    }

    /// <summary>Fails when any of <paramref name="values"/> (8 characters or more) appears in <paramref name="text"/>.</summary>
    public static void AssertContainsNone(string text, IEnumerable<string> values, string what)
    {
        foreach (var value in values.Where(v => v.Length >= 8))
        {
            Assert.False(text.Contains(value, StringComparison.Ordinal), $"{what} contains a secret value.");
        }
    }

    public void Dispose() => Workspace.Dispose();
}
