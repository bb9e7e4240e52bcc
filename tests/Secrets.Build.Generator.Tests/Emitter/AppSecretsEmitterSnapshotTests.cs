using Secrets.Build.Generator.Emit;
using Secrets.Build.Generator.Model;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Emitter;

/// <summary>The emitter is a pure function: its output for a fixed model is compared with stored files.</summary>
public sealed class AppSecretsEmitterSnapshotTests
{
    [Fact]
    public void Modern_consumer_with_configuration_gets_annotated_files_in_its_namespace()
    {
        var files = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), new EmitOptions(NullableAnnotations: true, ConfigurationExtension: true)));

        Assert.Equal(
            new[]
            {
                AppSecretsEmitter.SecretsHintName, AppSecretsEmitter.ApiHintName, AppSecretsEmitter.ResolutionHintName,
                AppSecretsEmitter.DotEnvHintName, AppSecretsEmitter.ConfigurationHintName,
            },
            files.Select(f => f.HintName));
        foreach (var file in files)
        {
            Snapshot.Match(file.Source, "Modern." + file.HintName);
        }
    }

    [Fact]
    public void CSharp7_consumer_without_namespace_that_opts_into_public_gets_no_annotations_and_no_configuration()
    {
        var files = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(rootNamespace: "", isPublic: true), new EmitOptions(NullableAnnotations: false, ConfigurationExtension: false)));

        Assert.Equal(new[] { AppSecretsEmitter.SecretsHintName, AppSecretsEmitter.ApiHintName, AppSecretsEmitter.ResolutionHintName, AppSecretsEmitter.DotEnvHintName }, files.Select(f => f.HintName));
        foreach (var file in files)
        {
            Assert.DoesNotContain("#nullable", file.Source);
            Assert.DoesNotContain("/*?*/", file.Source);
            Snapshot.Match(file.Source, "Legacy." + file.HintName);
        }
    }

    [Fact]
    public void Generated_types_are_internal_unless_public_is_asked_for()
    {
        var options = new EmitOptions(NullableAnnotations: true, ConfigurationExtension: true);
        var internalSources = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), options)).Select(f => f.Source).ToList();
        var publicSources = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(isPublic: true), options)).Select(f => f.Source).ToList();

        Assert.Contains(internalSources, s => s.Contains("    internal static partial class AppSecrets\n"));
        Assert.Contains(internalSources, s => s.Contains("    internal static class AppSecretsConfigurationExtensions\n"));
        Assert.DoesNotContain(internalSources, s => s.Contains("public static partial class AppSecrets") || s.Contains("public static class AppSecretsConfigurationExtensions"));
        Assert.Contains(publicSources, s => s.Contains("    public static partial class AppSecrets\n"));
        Assert.Contains(publicSources, s => s.Contains("    public static class AppSecretsConfigurationExtensions\n"));
        Assert.DoesNotContain(publicSources.Concat(internalSources), s => s.Contains("/*accessibility*/"));
    }

    [Fact]
    public void Same_model_gives_the_same_text()
    {
        var first = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), EmitOptions.Default));
        var second = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), EmitOptions.Default));

        Assert.Equal(first.Select(f => (f.HintName, f.Source)), second.Select(f => (f.HintName, f.Source)));
    }

    [Fact]
    public void Descriptions_are_escaped_for_xml_docs_and_string_literals()
    {
        var source = AppSecretsEmitter.Emit(new EmitInput(TestModels.Sample(), EmitOptions.Default))[0].Source;

        Assert.Contains("/// <summary>Turns the &lt;beta&gt; feature on &amp; off.</summary>", source);
        Assert.Contains("\"Where the \\\"billing\\\" service lives \\\\ backslash.\"", source);
    }
}
