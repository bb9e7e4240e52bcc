using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Secrets.Build.Generator.Emit;
using Secrets.Build.Generator.Model;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Consumers;

/// <summary>
/// The emitted code must compile with no warning at all (every warning an error, every warning
/// wave, XML doc checks on) wherever a consumer may be: net8.0, net10.0, netstandard2.0 with
/// its default C# 7.3, nullable on or off.
/// </summary>
public sealed class GeneratedCodeCompilesTests
{
    // Code a consumer writes against AppSecrets: it must compile too.
    private const string Consumer = """
        namespace Contoso.Shop.App
        {
            /// <summary>Uses every kind of member.</summary>
            public static class Usage
            {
                /// <summary>Reads everything.</summary>
                /// <returns>A summary.</returns>
                public static string Run()
                {
                    AppSecrets.Validate();
                    string password = AppSecrets.DbPassword;
                    int port = AppSecrets.DbPort;
                    bool enabled = AppSecrets.FeatureEnabled;
                    System.Uri url = AppSecrets.ServiceUrl;
                    byte[] key = AppSecrets.EncryptionKey;
                    foreach (AppSecrets.SecretStatus status in AppSecrets.Inspect())
                    {
                        System.Console.WriteLine(status.Descriptor.Name + " " + status.Length + " " + status.IsValid);
                    }

                    return AppSecrets.Environment + AppSecrets.BuildEnvironment + AppSecrets.Descriptors.Count + password.Length + port + enabled + url.Host + key.Length;
                }
            }
        }
        """;

    public static TheoryData<string, LanguageVersion, NullableContextOptions> Consumers() => new()
    {
        { "net8.0", LanguageVersion.CSharp12, NullableContextOptions.Enable },
        { "net8.0", LanguageVersion.CSharp12, NullableContextOptions.Disable },
        { "net10.0", LanguageVersion.Latest, NullableContextOptions.Enable },
        { "net10.0", LanguageVersion.Latest, NullableContextOptions.Disable },
        { "netstandard2.0", LanguageVersion.CSharp7_3, NullableContextOptions.Disable },
        { "netstandard2.0", LanguageVersion.CSharp8, NullableContextOptions.Enable },
        { "netstandard2.0", LanguageVersion.Latest, NullableContextOptions.Disable },
    };

    [Theory]
    [MemberData(nameof(Consumers))]
    public void Compiles_without_warnings(string target, LanguageVersion languageVersion, NullableContextOptions nullable)
    {
        var options = new EmitOptions(NullableAnnotations: languageVersion >= LanguageVersion.CSharp8, ConfigurationExtension: false);
        var sources = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), options)).Select(f => f.Source).Append(Consumer);

        var compilation = Compiler.Create(sources, ReferenceSets.For(target), languageVersion, nullable);

        Assert.Empty(Compiler.Problems(compilation));
    }

    [Theory]
    [InlineData("net8.0", NullableContextOptions.Enable)]
    [InlineData("net8.0", NullableContextOptions.Disable)]
    [InlineData("net10.0", NullableContextOptions.Enable)]
    public void Configuration_extension_compiles_without_warnings(string target, NullableContextOptions nullable)
    {
        const string usage = """
            namespace Contoso.Shop.App
            {
                /// <summary>Builds configuration.</summary>
                public static class ConfigurationUsage
                {
                    /// <summary>Builds it.</summary>
                    /// <returns>The configuration.</returns>
                    public static Microsoft.Extensions.Configuration.IConfiguration Build()
                    {
                        return new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddAppSecrets().Build();
                    }
                }
            }
            """;
        var sources = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), new EmitOptions(true, ConfigurationExtension: true)))
            .Select(f => f.Source).Append(usage);

        var compilation = Compiler.Create(sources, ReferenceSets.For(target).AddRange(ReferenceSets.Configuration), LanguageVersion.Latest, nullable);

        Assert.Empty(Compiler.Problems(compilation));
    }

    [Fact]
    public void Global_namespace_compiles_without_warnings()
    {
        var sources = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(rootNamespace: ""), EmitOptions.Default)).Select(f => f.Source);

        var compilation = Compiler.Create(sources, ReferenceSets.Net100);

        Assert.Empty(Compiler.Problems(compilation));
    }

    [Fact]
    public void A_schema_without_secrets_compiles_without_warnings()
    {
        var empty = TestModels.Sample() with { Secrets = EquatableArray<SecretModel>.Empty };
        var sources = AppSecretsEmitter.Emit(new EmitInput(empty, EmitOptions.Default)).Select(f => f.Source);

        Assert.Empty(Compiler.Problems(Compiler.Create(sources, ReferenceSets.Net100)));
    }

    [Fact]
    public void Secrets_named_like_the_run_time_helpers_do_not_break_them()
    {
        // Names the emitted helpers use internally; the generator does not reserve them, so they must not collide.
        var names = new[] { "Snapshot", "Read", "Resolve", "Resolution", "Convert", "Decode", "Missing", "DotEnv", "Current", "Text", "Value", "Source", "Length", "Problem", "Name", "File", "System", "Microsoft", "Global" };
        var model = TestModels.Sample() with
        {
            Secrets = names.Select(n => new SecretModel(n.ToUpperInvariant(), n, "d", "api_keys", SecretType.String, TextEncoding.Text, 90, false, "s")).ToEquatableArray(),
        };
        var sources = AppSecretsEmitter.Emit(new EmitInput(model, new EmitOptions(true, ConfigurationExtension: true))).Select(f => f.Source);

        Assert.Empty(Compiler.Problems(Compiler.Create(sources, ReferenceSets.Net100.AddRange(ReferenceSets.Configuration))));
    }

    [Fact]
    public void A_mistake_in_consumer_code_is_reported_so_the_check_above_can_fail()
    {
        var sources = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), EmitOptions.Default))
            .Select(f => f.Source)
            .Append("namespace Contoso.Shop { /// <summary>x</summary>\npublic static class Bad { /// <summary>x</summary>\npublic static int Port => AppSecrets.DbPassword.Length + AppSecrets.Missing; } }");

        var compilation = Compiler.Create(sources, ReferenceSets.Net100);

        Assert.Contains(Compiler.Problems(compilation), p => p.Contains("CS0117"));
    }
}
