using System.Reflection;
using Microsoft.CodeAnalysis;
using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Generator.Diagnostics;
using Secrets.Build.Generator.Tests.Support;

namespace Secrets.Build.Generator.Tests.Driver;

/// <summary>Every code the generator can report has its own declared descriptor and title.</summary>
public sealed class DiagnosticDescriptorsTests
{
    [Fact]
    public void Every_schema_code_has_a_declared_descriptor()
    {
        var schemaCodes = typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(code => string.CompareOrdinal(code, "SECB100") >= 0 && string.CompareOrdinal(code, "SECB150") < 0)
            .ToList();
        var declared = DiagnosticDescriptors.All.Select(d => d.Id).ToHashSet();

        Assert.True(schemaCodes.Count >= 20, $"found only {schemaCodes.Count} schema codes");
        var undeclared = schemaCodes.Where(code => !declared.Contains(code)).ToList();
        Assert.True(undeclared.Count == 0, $"Declare {string.Join(", ", undeclared)} in SchemaDiagnosticDescriptors.");
    }

    [Fact]
    public void Ids_and_titles_are_distinct()
    {
        Assert.Equal(DiagnosticDescriptors.All.Count, DiagnosticDescriptors.All.Select(d => d.Id).Distinct().Count());
        var shared = DiagnosticDescriptors.All
            .GroupBy(d => d.Title.ToString())
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Id))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void A_schema_error_is_reported_with_its_own_descriptor_and_the_parsers_severity()
    {
        var (result, _) = GeneratorHarness.ForSchema(IncrementalGenerationTests.BrokenSchema()).Run();

        var diagnostic = result.Diagnostics.First();
        Assert.Same(SchemaDiagnosticDescriptors.SchemaMalformedJson, diagnostic.Descriptor);
        Assert.Equal("Secrets schema is not well-formed JSON", diagnostic.Descriptor.Title.ToString());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void A_code_without_a_declaration_still_gets_a_descriptor_with_its_id()
    {
        var descriptor = DiagnosticDescriptors.For("SECB149");

        Assert.Equal("SECB149", descriptor.Id);
        Assert.Same(descriptor, DiagnosticDescriptors.For("SECB149"));
    }
}
