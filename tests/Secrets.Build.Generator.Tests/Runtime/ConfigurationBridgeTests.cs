using Microsoft.Extensions.Configuration;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Runtime;

/// <summary>
/// <c>AddAppSecrets()</c>: keys as the environment-variable provider makes them (<c>__</c> is
/// <c>:</c>), placed before the command-line source so arguments still win, optionally under a section.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConfigurationBridgeTests
{
    private static readonly string[] Variables = { "DB_PASSWORD", "CONNECTIONSTRINGS__DEFAULT" };

    private const string File = "DB_PASSWORD=from-file\nCONNECTIONSTRINGS__DEFAULT=Host=db;Database=shop\n";

    [Fact]
    public void Double_underscore_is_the_section_separator_so_GetConnectionString_finds_it()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(File);
        using var secrets = new LoadedAppSecrets(TestModels.Conventions());

        var configuration = AddAppSecrets(secrets, new ConfigurationBuilder()).Build();

        Assert.Equal("Host=db;Database=shop", configuration.GetConnectionString("Default"));
        Assert.Equal("from-file", configuration["DB_PASSWORD"]);
        Assert.Null(configuration["CONNECTIONSTRINGS__DEFAULT"]);
    }

    [Fact]
    public void Command_line_arguments_still_win_when_the_source_is_added_after_them()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(File);
        using var secrets = new LoadedAppSecrets(TestModels.Conventions());
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DB_PASSWORD"] = "from-appsettings" })
            .AddCommandLine(new[] { "--DB_PASSWORD=from-command-line" });

        var configuration = AddAppSecrets(secrets, builder).Build();

        Assert.Equal("from-command-line", configuration["DB_PASSWORD"]);
        Assert.Equal(3, builder.Sources.Count);
        Assert.IsType<Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource>(builder.Sources[2]);
        Assert.Equal("MemoryConfigurationSource", builder.Sources[1].GetType().Name);
    }

    [Fact]
    public void Secrets_win_over_the_sources_added_before_them_when_there_is_no_command_line()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(File);
        using var secrets = new LoadedAppSecrets(TestModels.Conventions());
        var builder = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DB_PASSWORD"] = "from-appsettings" });

        var configuration = AddAppSecrets(secrets, builder).Build();

        Assert.Equal("from-file", configuration["DB_PASSWORD"]);
    }

    [Fact]
    public void A_section_puts_every_key_under_it()
    {
        using var scope = new SecretsEnvironmentScope(Variables);
        scope.WriteEnvFile(File);
        using var secrets = new LoadedAppSecrets(TestModels.Conventions());

        var configuration = AddAppSecrets(secrets, new ConfigurationBuilder(), "Secrets").Build();

        Assert.Equal("from-file", configuration["Secrets:DB_PASSWORD"]);
        Assert.Equal("Host=db;Database=shop", configuration.GetSection("Secrets").GetConnectionString("Default"));
        Assert.Null(configuration["DB_PASSWORD"]);
    }

    private static IConfigurationBuilder AddAppSecrets(LoadedAppSecrets secrets, IConfigurationBuilder builder, string? section = null)
    {
        var extensions = secrets.Assembly.GetType("Contoso.Shop.AppSecretsConfigurationExtensions", throwOnError: true)!;
        return (IConfigurationBuilder)extensions.GetMethod("AddAppSecrets")!.Invoke(null, new object?[] { builder, section })!;
    }
}
