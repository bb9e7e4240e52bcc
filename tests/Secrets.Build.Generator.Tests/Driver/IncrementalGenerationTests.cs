using Microsoft.CodeAnalysis;
using Secrets.Build.Generator.Model;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Driver;

/// <summary>
/// The generator runs on every keystroke in an IDE, so it must do nothing when nothing it reads
/// changed, and regenerate when something it reads did.
/// </summary>
public sealed class IncrementalGenerationTests
{
    private static readonly IncrementalStepRunReason[] Untouched = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    [Fact]
    public void Every_tracking_name_is_used_by_a_step()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);

        var (result, _) = harness.Run();

        Assert.Equal(GeneratorHarness.TrackedNames.OrderBy(n => n), result.TrackedSteps.Keys.Where(GeneratorHarness.TrackedNames.Contains).OrderBy(n => n));
    }

    [Fact]
    public void A_second_run_with_nothing_changed_is_cached_everywhere()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);
        var (first, _) = harness.Run();

        var (second, _) = harness.Run();

        AssertUntouched(second);
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void Editing_an_unrelated_cs_file_regenerates_nothing()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);
        harness.Run();

        harness.AddSource("namespace Contoso.Shop.App { internal static class Other { internal const int Answer = 42; } }");
        var (second, _) = harness.Run();

        AssertUntouched(second);
    }

    [Fact]
    public void Renaming_a_secret_regenerates_the_source()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);
        harness.Run();

        harness.ReplaceSchema(GeneratorHarness.SampleSchema.Replace("\"POSTGRES_PASSWORD\"", "\"POSTGRES_ADMIN_PASSWORD\""));
        var (second, _) = harness.Run();

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(second)[TrackingNames.Model]);
        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(second)[TrackingNames.EmitInput]);
        Assert.Contains(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        var source = second.GeneratedSources.Single(s => s.HintName == "AppSecrets.g.cs").SourceText.ToString();
        Assert.Contains("public static string PostgresAdminPassword =>", source);
        Assert.DoesNotContain("PostgresPassword =>", source);
    }

    [Fact]
    public void Opting_into_public_regenerates_the_source_with_public_types()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);
        var (first, _) = harness.Run();
        Assert.Contains("internal static partial class AppSecrets", first.GeneratedSources.Single(s => s.HintName == "AppSecrets.g.cs").SourceText.ToString());

        harness.SetBuildProperty("SecretsGeneratedAccessibility", "public");
        var (second, _) = harness.Run();

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(second)[TrackingNames.Model]);
        Assert.Contains("public static partial class AppSecrets", second.GeneratedSources.Single(s => s.HintName == "AppSecrets.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Moving_declarations_inside_the_schema_does_not_regenerate_the_source()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);
        harness.Run();

        harness.ReplaceSchema("\n\n   " + GeneratorHarness.SampleSchema.Replace("\"secrets\": {", "\"secrets\":\n  {"));
        var (second, _) = harness.Run();

        Assert.All(GeneratorHarness.Reasons(second)[TrackingNames.Model], r => Assert.Contains(r, Untouched));
        Assert.All(GeneratorHarness.Reasons(second)[TrackingNames.EmitInput], r => Assert.Contains(r, Untouched));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Contains(o.Reason, Untouched));
    }

    [Fact]
    public void A_schema_error_that_only_moved_reports_again_but_does_not_regenerate_the_source()
    {
        var broken = BrokenSchema();
        var harness = GeneratorHarness.ForSchema(broken);
        var (first, _) = harness.Run();

        harness.ReplaceSchema("\n" + broken);
        var (second, _) = harness.Run();

        Assert.Contains(IncrementalStepRunReason.Modified, GeneratorHarness.Reasons(second)[TrackingNames.Diagnostics]);
        Assert.All(GeneratorHarness.Reasons(second)[TrackingNames.EmitInput], r => Assert.Contains(r, Untouched));
        var firstLine = first.Diagnostics.First().Location.GetLineSpan().StartLinePosition.Line;
        var secondLine = second.Diagnostics.First().Location.GetLineSpan().StartLinePosition.Line;
        Assert.Equal(firstLine + 1, secondLine);
    }

    [Fact]
    public void Models_hold_no_compilation_objects()
    {
        var harness = GeneratorHarness.ForSchema(GeneratorHarness.SampleSchema);

        var (result, _) = harness.Run();

        foreach (var step in result.TrackedSteps.Where(s => GeneratorHarness.TrackedNames.Contains(s.Key)))
        {
            foreach (var (value, _) in step.Value.SelectMany(run => run.Outputs))
            {
                Assert.False(value is Compilation or ISymbol or SyntaxNode or SyntaxTree or AdditionalText,
                    $"Step {step.Key} holds a {value?.GetType().Name}: it would keep a compilation alive and never compare equal.");
            }
        }
    }

    /// <summary>The sample schema with a comma missing: a JSON error the parser must report with its position.</summary>
    internal static string BrokenSchema() => GeneratorHarness.SampleSchema.Replace("\"version\": 1,", "\"version\": 1");

    private static void AssertUntouched(GeneratorRunResult result)
    {
        var reasons = GeneratorHarness.Reasons(result);
        Assert.NotEmpty(reasons);
        foreach (var (name, stepReasons) in reasons)
        {
            Assert.All(stepReasons, r => Assert.True(Untouched.Contains(r), $"Step {name} was {r}."));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }
}
