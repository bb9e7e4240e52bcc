namespace Secrets.Build.Generator.Emit;

/// <summary>
/// <c>AddAppSecrets()</c> for consumers that reference Microsoft.Extensions.Configuration: the
/// resolved values as an in-memory source, keyed the way the environment-variable provider keys
/// the same variables. Emitted only when the compilation has <c>MemoryConfigurationSource</c>, so it
/// never breaks a build.
/// </summary>
internal static class ConfigurationTemplate
{
    public const string Text = """
/// <summary>Adds the secrets AppSecrets resolves to an <c>IConfigurationBuilder</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Secrets.Build.Generator", "1.0")]
/*accessibility*/ static class AppSecretsConfigurationExtensions
{
    // Matched by name: the command-line provider is a package of its own that the app may not reference.
    private const string CommandLineSource = "Microsoft.Extensions.Configuration.CommandLine.CommandLineConfigurationSource";

    /// <summary>
    /// Adds every secret AppSecrets resolves (environment variable, else the .env file) as an in-memory
    /// source. Keys are the variable names with <c>__</c> read as the section separator <c>:</c>, as the
    /// environment-variable provider reads them: <c>CONNECTIONSTRINGS__DEFAULT</c> is what
    /// <c>GetConnectionString("Default")</c> returns, and <c>POSTGRES_PASSWORD</c> is <c>configuration["POSTGRES_PASSWORD"]</c>.
    /// The source goes just before the first command-line source, so <c>--NAME=value</c> arguments still win;
    /// without one it is added last. Secrets that are missing or malformed are left out; call
    /// <see cref="AppSecrets.Validate"/> to fail on them.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="section">
    /// A section every key goes under, e.g. <c>"Secrets"</c> gives <c>Secrets:POSTGRES_PASSWORD</c>; null or empty
    /// for the root.
    /// </param>
    /// <returns>The same builder.</returns>
    public static global::Microsoft.Extensions.Configuration.IConfigurationBuilder AddAppSecrets(
        this global::Microsoft.Extensions.Configuration.IConfigurationBuilder builder,
        string/*?*/ section = null)
    {
        if (builder == null)
        {
            throw new global::System.ArgumentNullException(nameof(builder));
        }

        var prefix = string.IsNullOrEmpty(section) ? string.Empty : section + ":";
        var values = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string/*?*/>>();
        foreach (var descriptor in AppSecrets.Descriptors)
        {
            var text = AppSecrets.ResolvedText(descriptor);
            if (text != null)
            {
                var key = prefix + descriptor.Name.Replace("__", ":");
                values.Add(new global::System.Collections.Generic.KeyValuePair<string, string/*?*/>(key, text));
            }
        }

        var source = new global::Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource();
        source.InitialData = values;
        var index = builder.Sources.Count;
        for (var i = 0; i < builder.Sources.Count; i++)
        {
            if (builder.Sources[i].GetType().FullName == CommandLineSource)
            {
                index = i;
                break;
            }
        }

        builder.Sources.Insert(index, source);
        return builder;
    }
}
""";
}
