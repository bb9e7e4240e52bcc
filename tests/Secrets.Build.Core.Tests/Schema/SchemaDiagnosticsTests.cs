using Secrets.Build.Core.Diagnostics;
using Secrets.Build.Core.Schema;

namespace Secrets.Build.Core.Tests.Schema;

/// <summary>Every schema mistake gets its code, its line and column, and a fix.</summary>
public sealed class SchemaDiagnosticsTests
{
    private const string File = "/repo/secrets.schema.json";

    private static SecretsDiagnostic SingleError(string json)
    {
        var result = SchemaParser.Parse(json.Replace('\'', '"'), File);
        Assert.Null(result.Schema);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == SecretsSeverity.Error);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        Assert.Equal(File, error.Location!.File);
        return error;
    }

    private static string Schema(string secrets, string extra = "") =>
        "{\n  'project': 'app',\n" + extra + "  'secrets': {\n" + secrets + "\n  }\n}";

    [Fact]
    public void Malformed_json_points_at_the_break()
    {
        var error = SingleError("{\n  'project': 'app'\n  'secrets': {}\n}");

        Assert.Equal(DiagnosticCodes.SchemaMalformedJson, error.Code);
        Assert.Equal(3, error.Location!.Line);
        Assert.Equal(3, error.Location.Column);
        Assert.DoesNotContain("LineNumber", error.Message);
    }

    [Fact]
    public void Unknown_field_names_the_field_and_the_valid_ones()
    {
        var error = SingleError(Schema("    'DB_PASSWORD': { 'category': 'database_passwords', 'lenght': 3 }"));

        Assert.Equal(DiagnosticCodes.SchemaUnknownField, error.Code);
        Assert.Contains("'lenght'", error.Message);
        Assert.Contains("description", error.Fix);
        Assert.Equal(4, error.Location!.Line);
        Assert.Equal(56, error.Location.Column);
    }

    [Fact]
    public void Duplicate_name_points_at_the_second_and_names_the_first_line()
    {
        var error = SingleError(Schema(
            "    'DB_PASSWORD': { 'category': 'database_passwords' },\n    'DB_PASSWORD': { 'category': 'database_passwords' }"));

        Assert.Equal(DiagnosticCodes.SchemaDuplicateName, error.Code);
        Assert.Equal(5, error.Location!.Line);
        Assert.Contains("line 4", error.Message);
    }

    [Theory]
    [InlineData("db_password")]
    [InlineData("1PASSWORD")]
    [InlineData("DB-PASSWORD")]
    [InlineData("DB PASSWORD")]
    public void Names_must_be_environment_variable_style(string name)
    {
        var error = SingleError(Schema($"    '{name}': {{ 'category': 'database_passwords' }}"));

        Assert.Equal(DiagnosticCodes.SchemaInvalidName, error.Code);
        Assert.Equal(4, error.Location!.Line);
        Assert.Equal(5, error.Location.Column);
    }

    [Fact]
    public void Names_that_map_to_one_csharp_identifier_collide()
    {
        var error = SingleError(Schema(
            "    'API_KEY': { 'category': 'api_keys' },\n    'API__KEY': { 'category': 'api_keys' }"));

        Assert.Equal(DiagnosticCodes.SchemaIdentifierCollision, error.Code);
        Assert.Contains("ApiKey", error.Message);
        Assert.Equal(5, error.Location!.Line);
    }

    [Fact]
    public void A_name_that_maps_to_a_member_of_AppSecrets_collides()
    {
        var error = SingleError(Schema("    'ENVIRONMENT': { 'category': 'api_keys' }"));

        Assert.Equal(DiagnosticCodes.SchemaIdentifierCollision, error.Code);
    }

    [Fact]
    public void A_name_ending_in_the_previous_suffix_is_an_error_at_its_line_even_beside_its_twin()
    {
        var error = SingleError(Schema(
            "    'DB': { 'category': 'database_passwords' },\n    'DB__PREVIOUS': { 'category': 'database_passwords' }"));

        Assert.Equal(DiagnosticCodes.SchemaReservedPreviousSuffix, error.Code);
        Assert.Contains("'DB__PREVIOUS'", error.Message);
        Assert.Contains("AppSecrets.Previous", error.Fix);
        Assert.Equal(5, error.Location!.Line);
        Assert.Equal(5, error.Location.Column);
    }

    [Fact]
    public void A_name_ending_in_the_previous_suffix_is_an_error_alone()
    {
        var error = SingleError(Schema("    'JWT_KEY__PREVIOUS': { 'category': 'jwt_secrets' }"));

        Assert.Equal(DiagnosticCodes.SchemaReservedPreviousSuffix, error.Code);
        Assert.Equal(4, error.Location!.Line);
    }

    [Fact]
    public void A_single_underscore_previous_is_an_ordinary_name()
    {
        var result = SchemaParser.Parse(Schema("    'DB_PREVIOUS': { 'category': 'database_passwords' }").Replace('\'', '"'), File);

        Assert.Equal("DbPrevious", Assert.Single(result.Schema!.Secrets).PropertyName);
    }

    [Theory]
    [InlineData("SECRETS_ENVIRONMENT")]
    [InlineData("DOTNET_ENVIRONMENT")]
    [InlineData("ASPNETCORE_ENVIRONMENT")]
    [InlineData("SECRETS_BUILD_KEY")]
    [InlineData("SECRETS_BUILD_KEY_PRODUCTION")]
    [InlineData("SECRETS_BUILD_PASSPHRASE")]
    public void A_name_the_tool_or_dotnet_reads_to_choose_the_environment_or_key_is_an_error(string name)
    {
        var error = SingleError(Schema($"    '{name}': {{ 'category': 'api_keys' }}"));

        Assert.Equal(DiagnosticCodes.SchemaReservedVariable, error.Code);
        Assert.Contains(name, error.Message);
        Assert.Equal(4, error.Location!.Line);
    }

    [Fact]
    public void Unknown_category_lists_the_known_ones()
    {
        var error = SingleError(Schema("    'DB_PASSWORD': { 'category': 'passwords' }"));

        Assert.Equal(DiagnosticCodes.SchemaUnknownCategory, error.Code);
        Assert.Contains("database_passwords", error.Fix);
        Assert.Equal(34, error.Location!.Column);
    }

    [Fact]
    public void A_category_declared_in_rotation_policies_is_known()
    {
        var result = SchemaParser.Parse(Schema("    'SMTP_PASSWORD': { 'category': 'mail' }", "  'rotationPolicies': { 'mail': 45 },\n").Replace('\'', '"'), File);

        var secret = Assert.Single(result.Schema!.Secrets);
        Assert.Equal(45, result.Schema.RotationDaysFor(secret));
    }

    [Fact]
    public void A_rule_below_128_bits_is_refused_with_the_length_that_would_do()
    {
        var error = SingleError(Schema("    'PIN': { 'category': 'api_keys', 'generate': { 'kind': 'password', 'length': 12 } }"));

        Assert.Equal(DiagnosticCodes.SchemaRuleTooWeak, error.Code);
        Assert.Contains("length\" to at least 21", error.Fix);
    }

    [Fact]
    public void An_explicit_entropy_override_allows_a_capped_identifier()
    {
        var result = SchemaParser.Parse(Schema(
            "    'ACCESS_KEY': { 'category': 'api_keys', 'generate': { 'kind': 'password', 'length': 20, 'maxLength': 20, 'minimumEntropyBits': 100 } }").Replace('\'', '"'), File);

        Assert.NotNull(result.Schema);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_rule_longer_than_its_maximum_is_refused()
    {
        var error = SingleError(Schema("    'MINIO_SECRET_KEY': { 'category': 'api_keys', 'generate': { 'kind': 'hex', 'bytes': 32, 'maxLength': 40 } }"));

        Assert.Equal(DiagnosticCodes.SchemaRuleTooLong, error.Code);
        Assert.Contains("64-character", error.Message);
    }

    [Fact]
    public void A_rule_shorter_than_its_minimum_is_refused()
    {
        var error = SingleError(Schema("    'K': { 'category': 'api_keys', 'generate': { 'kind': 'hex', 'bytes': 16, 'minLength': 40 } }"));

        Assert.Equal(DiagnosticCodes.SchemaRuleTooShort, error.Code);
    }

    [Fact]
    public void An_alphabet_with_characters_env_readers_interpret_is_refused()
    {
        var error = SingleError(Schema("    'K': { 'category': 'api_keys', 'generate': { 'kind': 'password', 'length': 64, 'alphabet': 'abc$def#' } }"));

        Assert.Equal(DiagnosticCodes.SchemaUnsafeCharacters, error.Code);
        Assert.Contains("$", error.Message);
        Assert.Contains("#", error.Message);
    }

    [Fact]
    public void A_uuid_carries_122_bits_so_it_needs_an_explicit_floor()
    {
        var error = SingleError(Schema("    'ID': { 'category': 'api_keys', 'generate': { 'kind': 'uuid' } }"));

        Assert.Equal(DiagnosticCodes.SchemaRuleTooWeak, error.Code);
        Assert.Contains("122", error.Message);
    }

    [Fact]
    public void A_type_the_rule_cannot_produce_is_refused()
    {
        var error = SingleError(Schema("    'PORT': { 'category': 'api_keys', 'type': 'int' }"));

        Assert.Equal(DiagnosticCodes.SchemaTypeMismatch, error.Code);
        Assert.Contains("external", error.Fix);
    }

    [Fact]
    public void External_and_generate_together_are_refused()
    {
        var error = SingleError(Schema("    'K': { 'category': 'api_keys', 'external': true, 'generate': { 'kind': 'hex' } }"));

        Assert.Equal(DiagnosticCodes.SchemaInvalidValue, error.Code);
    }

    [Fact]
    public void A_wrong_json_type_names_what_was_expected()
    {
        var error = SingleError(Schema("    'K': { 'category': 'api_keys', 'rotationDays': '30' }"));

        Assert.Equal(DiagnosticCodes.SchemaInvalidValue, error.Code);
        Assert.Contains("must be a number, not a string", error.Message);
    }

    [Fact]
    public void A_repeated_property_inside_a_declaration_is_refused()
    {
        var error = SingleError(Schema("    'K': { 'category': 'api_keys', 'category': 'jwt_secrets' }"));

        Assert.Equal(DiagnosticCodes.SchemaDuplicateProperty, error.Code);
    }

    [Fact]
    public void An_unknown_format_version_is_refused()
    {
        var error = SingleError(Schema("    'K': { 'category': 'api_keys' }", "  'version': 2,\n"));

        Assert.Equal(DiagnosticCodes.SchemaUnsupportedVersion, error.Code);
    }

    [Fact]
    public void A_missing_project_is_refused()
    {
        var error = SingleError("{ 'secrets': { 'K': { 'category': 'api_keys' } } }");

        Assert.Equal(DiagnosticCodes.SchemaMissingField, error.Code);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var result = SchemaParser.Parse(Schema(
            "    'bad': { 'category': 'api_keys' },\n    'K': { 'category': 'nope' },\n    'J': { 'category': 'api_keys', 'x': 1 }").Replace('\'', '"'), File);

        Assert.Equal(
            new[] { DiagnosticCodes.SchemaInvalidName, DiagnosticCodes.SchemaUnknownCategory, DiagnosticCodes.SchemaUnknownField },
            result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Positions_count_characters_not_bytes()
    {
        var error = SingleError("{ 'project': 'app', 'secrets': { 'K': { 'description': 'Schlüssel für €', 'category': 'x' } } }");

        Assert.Equal(DiagnosticCodes.SchemaUnknownCategory, error.Code);
        // 87 characters in; the line holds 91 bytes before the value because ü and € take 2 and 3 bytes.
        Assert.Equal(87, error.Location!.Column);
    }

    [Fact]
    public void A_byte_order_mark_and_comments_are_accepted()
    {
        var result = SchemaParser.Parse("\uFEFF{ // the app\n \"project\": \"app\", \"secrets\": { \"K\": { \"category\": \"api_keys\" }, } }", File);

        Assert.NotNull(result.Schema);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{} {}")]
    public void Hostile_documents_end_in_a_diagnostic(string json)
    {
        var result = SchemaParser.Parse(json, File);

        Assert.Null(result.Schema);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.StartsWith("SECB1", d.Code));
    }

    [Fact]
    public void Deep_nesting_is_refused_without_recursion_trouble()
    {
        var json = "{ \"project\": \"app\", \"secrets\": " + new string('[', 10_000) + new string(']', 10_000) + " }";

        var error = Assert.Single(SchemaParser.Parse(json, File).Diagnostics);

        Assert.Equal(DiagnosticCodes.SchemaMalformedJson, error.Code);
    }
}
