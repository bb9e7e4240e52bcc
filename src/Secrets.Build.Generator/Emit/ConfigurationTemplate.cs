namespace Secrets.Build.Generator.Emit;

/// <summary>
/// <c>AddAppSecrets()</c> for consumers that reference Microsoft.Extensions.Configuration: the
/// resolved values as an in-memory source, keyed by variable name. Emitted only when the
/// compilation has <c>MemoryConfigurationSource</c>, so it never breaks a build.
/// </summary>
internal static class ConfigurationTemplate
{
    public const string Text = """
/// <summary>Adds the secrets AppSecrets resolves to an <c>IConfigurationBuilder</c>.</summary>
[global::System.CodeDom.Compiler.GeneratedCode("Secrets.Build.Generator", "1.0")]
public static class AppSecretsConfigurationExtensions
{
    /// <summary>
    /// Adds every secret AppSecrets resolves (environment variable, else the .env file) as an in-memory
    /// source, keyed by variable name, e.g. <c>configuration["POSTGRES_PASSWORD"]</c>. Secrets that are
    /// missing or malformed are left out; call <see cref="AppSecrets.Validate"/> to fail on them.
    /// </summary>
    /// <param name="builder">The configuration builder.</param>
    /// <returns>The same builder.</returns>
    public static global::Microsoft.Extensions.Configuration.IConfigurationBuilder AddAppSecrets(
        this global::Microsoft.Extensions.Configuration.IConfigurationBuilder builder)
    {
        if (builder == null)
        {
            throw new global::System.ArgumentNullException(nameof(builder));
        }

        var values = new global::System.Collections.Generic.List<global::System.Collections.Generic.KeyValuePair<string, string/*?*/>>();
        foreach (var descriptor in AppSecrets.Descriptors)
        {
            var text = AppSecrets.ResolvedText(descriptor);
            if (text != null)
            {
                values.Add(new global::System.Collections.Generic.KeyValuePair<string, string/*?*/>(descriptor.Name, text));
            }
        }

        var source = new global::Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource();
        source.InitialData = values;
        return builder.Add(source);
    }
}
""";
}
