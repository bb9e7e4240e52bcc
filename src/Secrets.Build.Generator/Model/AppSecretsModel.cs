namespace Secrets.Build.Generator.Model;

/// <summary>Everything the emitter turns into source: a pure, value-equatable description.</summary>
/// <param name="Namespace">The consumer's root namespace; empty for the global namespace.</param>
/// <param name="BuildEnvironment">The environment the project was built for.</param>
/// <param name="SchemaFileName">The schema's file name (no folders, so the output does not depend on the machine).</param>
/// <param name="Secrets">The declarations in file order.</param>
/// <param name="Environments">The schema's environment names, for mapping <c>DOTNET_ENVIRONMENT</c> at run time.</param>
/// <param name="IsPublic">True when the generated types are <c>public</c>; <c>internal</c> otherwise, so two projects never clash.</param>
internal sealed record AppSecretsModel(
    string Namespace,
    string BuildEnvironment,
    string SchemaFileName,
    EquatableArray<SecretModel> Secrets,
    EquatableArray<string> Environments,
    bool IsPublic = false)
{
    /// <summary>The C# keyword the generated top-level types are declared with.</summary>
    public string Accessibility => IsPublic ? "public" : "internal";
}

/// <summary>What the consumer's compilation allows the emitted code to use.</summary>
/// <param name="NullableAnnotations">C# 8 or later: the emitted files use <c>#nullable enable</c> and <c>?</c> annotations.</param>
/// <param name="ConfigurationExtension">Microsoft.Extensions.Configuration (with its memory source) is referenced: emit <c>AddAppSecrets()</c>.</param>
internal sealed record EmitOptions(bool NullableAnnotations, bool ConfigurationExtension)
{
    /// <summary>A modern consumer without Microsoft.Extensions.Configuration.</summary>
    public static EmitOptions Default { get; } = new(NullableAnnotations: true, ConfigurationExtension: false);
}

/// <summary>The emitter's whole input.</summary>
internal sealed record EmitInput(AppSecretsModel Model, EmitOptions Options);
