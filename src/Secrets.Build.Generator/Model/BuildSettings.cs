namespace Secrets.Build.Generator.Model;

/// <summary>The MSBuild properties the generator reads (exposed through <c>CompilerVisibleProperty</c>).</summary>
/// <param name="RootNamespace">The project's <c>RootNamespace</c>; empty when not set.</param>
/// <param name="Environment">The project's <c>SecretsEnvironment</c>; empty when not set.</param>
/// <param name="Accessibility">The project's <c>SecretsGeneratedAccessibility</c>; empty when not set.</param>
internal sealed record BuildSettings(string RootNamespace, string Environment, string Accessibility = "");
